using AstDsl.Audio.Augment;
using AstDsl.TestSupport;
using static TorchSharp.torch;

namespace AstDsl.Audio.Tests.Augment;

public sealed class SpecAugmentTests
{
    [Fact]
    public void Mask_widths_stay_below_the_maximum_and_starts_inside_the_axis()
    {
        var rng = new Random(1);
        var widths = new HashSet<long>();
        for (var i = 0; i < 5000; i++)
        {
            var span = SpecAugment.Draw(rng, 48, 128);
            Assert.InRange(span.Width, 0, 47);
            Assert.InRange(span.Start, 0, 128 - span.Width);
            widths.Add(span.Width);
        }
        Assert.Equal(48, widths.Count); // every width 0..47 occurs
    }

    [Fact]
    public void Frequency_mask_zeroes_exactly_the_drawn_band_of_every_frame()
    {
        using var scope = NewDisposeScope();
        var features = rand(100, 128) + 1;
        var before = features.clone();
        var span = SpecAugment.MaskFrequency(features, 30, new Random(4));
        Assert.True(span.Width > 0);
        var band = features[.., (int)span.Start..(int)(span.Start + span.Width)];
        Assert.Equal(0.0, band.abs().sum().item<float>());
        var outside = cat([features[.., ..(int)span.Start], features[.., (int)(span.Start + span.Width)..]], 1);
        var outsideBefore = cat([before[.., ..(int)span.Start], before[.., (int)(span.Start + span.Width)..]], 1);
        TensorAssert.Equal(outside, outsideBefore, "outside the band");
    }

    [Fact]
    public void Time_mask_zeroes_whole_frames()
    {
        using var scope = NewDisposeScope();
        var features = rand(100, 16) + 1;
        var span = SpecAugment.MaskTime(features, 20, new Random(11));
        Assert.True(span.Width > 0);
        var zeroRows = (features == 0).all(1).sum().item<long>();
        Assert.Equal(span.Width, zeroRows);
        Assert.Equal(0.0, features[(int)span.Start..(int)(span.Start + span.Width)].abs().sum().item<float>());
    }

    [Fact]
    public void Same_seed_same_mask()
    {
        Assert.Equal(SpecAugment.Draw(new Random(9), 24, 128), SpecAugment.Draw(new Random(9), 24, 128));
        Assert.Equal(new SpecAugment.Span(0, 0), SpecAugment.Draw(new Random(9), 0, 128));
    }
}
