using AstDsl.Audio.Features;
using static TorchSharp.torch;

namespace AstDsl.Audio.Tests.Features;

/// <summary>The managed SIMD fbank (float32 CPU input) against the tensor path (float64 input) it stands in for.</summary>
public sealed class VectorFbankTests
{
    public static TheoryData<string> Variants => new() { "official", "povey", "no-dc-no-preemphasis", "magnitude", "linear", "8k", "22k-40-bins" };

    private static (FbankOptions Options, int Rate) Variant(string name) => name switch
    {
        "official" => (FbankOptions.Official, 16000),
        "povey" => (FbankOptions.Official with { Window = WindowType.Povey }, 16000),
        "no-dc-no-preemphasis" => (FbankOptions.Official with { RemoveDcOffset = false, Preemphasis = 0 }, 16000),
        "magnitude" => (FbankOptions.Official with { UsePower = false }, 16000),
        "linear" => (FbankOptions.Official with { UseLog = false }, 16000),
        "8k" => (FbankOptions.Official with { MelBins = 64, HighFrequency = -200 }, 8000),
        _ => (FbankOptions.Official with { MelBins = 40, LowFrequency = 60 }, 22050),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Simd_features_equal_the_tensor_path(string name)
    {
        var (options, rate) = Variant(name);
        using var scope = NewDisposeScope();
        using var fbank = new KaldiFbank(options);
        // Lengths give 1 frame, a partial block of lanes and several blocks; a DC offset exercises its removal.
        foreach (var samples in new[] { options.WindowSize(rate), rate / 10 + 37, rate })
        {
            var clips = randn(3, samples, generator: new Generator(7)) * 0.1 + 0.02;
            var simd = fbank.Compute(clips, rate);
            var reference = fbank.Compute(clips.to(float64), rate).to(float32);
            Assert.Equal(reference.shape, simd.shape);
            Assert.Equal(options.FrameCount(samples, rate), (int)simd.shape[1]);
            if (options.UseLog) LogMelAssert.Close(simd, reference, $"{name}, {samples} samples");
            else LogMelAssert.Close(simd.clamp_min(1e-7).log(), reference.clamp_min(1e-7).log(), $"{name}, {samples} samples");
        }
    }

    [Fact]
    public void One_signal_and_a_batch_of_one_agree()
    {
        using var scope = NewDisposeScope();
        using var fbank = new KaldiFbank();
        var clip = randn(16000, generator: new Generator(3));
        Assert.Equal(new long[] { 98, 128 }, fbank.Compute(clip, 16000).shape);
        Assert.Equal(0, fbank.Compute(clip, 16000).sub(fbank.Compute(clip.unsqueeze(0), 16000)[0]).abs().max().item<float>());
        Assert.Equal(new long[] { 2, 0, 128 }, fbank.Compute(zeros(2, 399), 16000).shape);
    }
}
