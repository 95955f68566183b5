using AstDsl.Audio.Features;
using AstDsl.TestSupport;
using static TorchSharp.torch;

namespace AstDsl.Audio.Tests.Features;

public sealed class KaldiFbankTests
{
    [Theory]
    [InlineData(WindowType.Hanning)]
    [InlineData(WindowType.Povey)]
    [InlineData(WindowType.Hamming)]
    [InlineData(WindowType.Rectangular)]
    [InlineData(WindowType.Blackman)]
    public void Windows_are_symmetric_with_kaldi_shapes(WindowType type)
    {
        using var scope = NewDisposeScope();
        var w = FeatureWindow.Create(type, 400);
        TensorAssert.Close(w, w.flip(0), 1e-6, "symmetry");
        var ends = w[0].item<float>();
        var centre = w[200].item<float>();
        var expected = type switch
        {
            WindowType.Hanning or WindowType.Povey => (0.0, 1.0),
            WindowType.Hamming => (0.08, 1.0),
            WindowType.Rectangular => (1.0, 1.0),
            _ => (0.0, 1.0),
        };
        Assert.Equal(expected.Item1, ends, 5);
        Assert.Equal(expected.Item2, centre, 4);
    }

    [Fact]
    public void Povey_is_hann_to_the_085()
    {
        using var scope = NewDisposeScope();
        TensorAssert.Close(FeatureWindow.Create(WindowType.Povey, 400), FeatureWindow.Create(WindowType.Hanning, 400).pow(0.85), 1e-7, "povey");
    }

    [Fact]
    public void Sixteen_kilohertz_mel_bin_3_is_empty_as_torchaudio()
    {
        using var scope = NewDisposeScope();
        var banks = MelBanks.Create(FbankOptions.Official, 16000);
        Assert.Equal(new long[] { 128, 257 }, banks.shape);
        Assert.Equal(0f, banks[3].sum().item<float>());
        Assert.Equal(0f, banks[.., 256].abs().sum().item<float>());
    }

    [Fact]
    public void Frame_counts_follow_snip_edges()
    {
        var snip = FbankOptions.Official;
        Assert.Equal(998, snip.FrameCount(160000, 16000));
        Assert.Equal(0, snip.FrameCount(399, 16000));
        var centred = snip with { SnipEdges = false };
        Assert.Equal(1000, centred.FrameCount(160000, 16000));
        using var scope = NewDisposeScope();
        using var fbank = new KaldiFbank(centred);
        Assert.Equal(new long[] { 2, 30, 128 }, fbank.Compute(randn(2, 4800), 16000).shape);
    }

    [Fact]
    public void Float64_on_the_same_input_agrees_with_float32()
    {
        using var scope = NewDisposeScope();
        using var fbank = new KaldiFbank();
        var x = randn(16000, dtype: float64) * 0.1;
        LogMelAssert.Close(fbank.Compute(x.to(float32), 16000), fbank.Compute(x, 16000), "dtype");
    }

    [Fact]
    public void Dither_uses_the_given_generator()
    {
        using var scope = NewDisposeScope();
        using var fbank = new KaldiFbank(FbankOptions.Official with { Dither = 1.0 });
        var x = zeros(4000);
        using var g1 = new Generator(5);
        using var g2 = new Generator(5);
        TensorAssert.Equal(fbank.Compute(x, 16000, g1), fbank.Compute(x, 16000, g2), "seeded dither");
        Assert.True(fbank.Compute(x, 16000)[.., 0].min().item<float>() > -15.9f); // dither lifts silence above the floor (bin 3 has no FFT bin)
    }

    [Fact]
    public void Linear_and_magnitude_options_change_only_the_last_steps()
    {
        using var scope = NewDisposeScope();
        var x = randn(8000) * 0.1;
        using var log = new KaldiFbank();
        using var linear = new KaldiFbank(FbankOptions.Official with { UseLog = false });
        TensorAssert.Close(linear.Compute(x, 16000).clamp_min(1.1920929e-07f).log(), log.Compute(x, 16000), 1e-5, "log");
    }

    [Fact]
    public void Rejects_impossible_settings()
    {
        using var fbank = new KaldiFbank(FbankOptions.Official with { LowFrequency = 9000 });
        using var x = zeros(4000);
        Assert.Contains("mel range", Assert.Throws<ArgumentException>(() => fbank.Compute(x, 16000)).Message);
    }
}
