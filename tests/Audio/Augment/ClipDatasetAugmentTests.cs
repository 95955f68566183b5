using AstDsl.Audio.Augment;
using AstDsl.Audio.Data;
using AstDsl.Audio.Features;
using AstDsl.Audio.Tests.Data;
using AstDsl.TestSupport;
using static TorchSharp.torch;

namespace AstDsl.Audio.Tests.Augment;

public sealed class ClipDatasetAugmentTests : IDisposable
{
    private readonly TinyDataset _files = new(targetLength: 40);

    public void Dispose() => _files.Dispose();

    private ClipDataset Dataset(ClipRecipe recipe) => _files.Dataset(recipe);

    [Fact]
    public void Without_augmentation_items_equal_the_pipeline_output()
    {
        using var scope = NewDisposeScope();
        var dataset = Dataset(ClipRecipe.FrontEndOnly);
        var (features, target) = dataset.Get(3, 123);
        TensorAssert.Equal(features, _files.Pipeline.Process(dataset.Entries[3].Wav), "features");
        Assert.Equal(new[] { 1f, 1f, 0f }, target.data<float>().ToArray()); // clip 3 has classes 0 and 1
    }

    [Fact]
    public void Masks_hit_raw_log_mel_zero_which_normalises_to_the_padding_value()
    {
        using var scope = NewDisposeScope();
        var dataset = Dataset(ClipRecipe.Load().Fbank().MaskFrequency(40).MaskTime(20).Normalize(ClipPipelineOptions.AudioSetMean, ClipPipelineOptions.AudioSetStd));
        var padValue = (0f - ClipPipelineOptions.AudioSetMean) / (ClipPipelineOptions.AudioSetStd * 2f);
        var (features, _) = dataset.Get(0, 77);
        var rng = new Random(77);
        var freq = SpecAugment.Draw(rng, 40, 128);
        var time = SpecAugment.Draw(rng, 20, 40);
        Assert.True(freq.Width > 0 && time.Width > 0);
        Assert.True((features[.., (int)freq.Start..(int)(freq.Start + freq.Width)] == padValue).all().item<bool>());
        Assert.True((features[(int)time.Start..(int)(time.Start + time.Width)] == padValue).all().item<bool>());
    }

    [Fact]
    public void Mixup_targets_carry_the_weighted_label_mass_and_are_deterministic()
    {
        using var scope = NewDisposeScope();
        var dataset = Dataset(ClipRecipe.Load().Mixup(probability: 1.0, alpha: 10).Fbank().Normalize(ClipPipelineOptions.AudioSetMean, ClipPipelineOptions.AudioSetStd));
        var mixedAny = false;
        for (var seed = 0; seed < 12; seed++)
        {
            var (f1, t1) = dataset.Get(0, seed);
            var (f2, t2) = dataset.Get(0, seed);
            TensorAssert.Equal(f1, f2, "features");
            TensorAssert.Equal(t1, t2, "target");
            var rng = new Random(seed);
            rng.NextDouble();
            var partner = rng.Next(dataset.Count);
            // lambda |labels of clip 0| + (1 - lambda) |labels of the partner|
            var sizes = new[] { dataset.Entries[0].LabelIndices.Count, dataset.Entries[partner].LabelIndices.Count };
            Assert.InRange(t1.sum().item<float>(), sizes.Min() - 1e-5, sizes.Max() + 1e-5);
            mixedAny |= t1.max().item<float>() < 1;
        }
        Assert.True(mixedAny);
    }

    [Fact]
    public void Different_seeds_give_different_augmentations()
    {
        using var scope = NewDisposeScope();
        var dataset = Dataset(ClipRecipe.Load().Fbank().MaskFrequency(30).MaskTime(10).Normalize(ClipPipelineOptions.AudioSetMean, ClipPipelineOptions.AudioSetStd).Noise());
        var (a, _) = dataset.Get(1, 1);
        var (b, _) = dataset.Get(1, 2);
        Assert.True(TensorAssert.MaxAbsDiff(a, b) > 0);
    }
}
