using AstDsl.Audio.Features;
using static TorchSharp.torch;

namespace AstDsl.Audio.Tests.Features;

/// <summary>
/// Every SIMD width of the managed fbank kernel (emulated where the CPU lacks it) against the float64 tensor path and
/// against each other, and batching against clip-by-clip calls.
/// </summary>
public sealed class VectorWidthTests
{
    public static TheoryData<int> Widths => new(VectorFbank.Widths);

    [Theory]
    [MemberData(nameof(Widths))]
    public void Each_width_equals_the_tensor_path(int width)
    {
        using var scope = NewDisposeScope();
        using var fbank = new KaldiFbank();
        var kernel = VectorFbank.Create(FbankOptions.Official, 16000, width);
        Assert.Equal(width / 32, kernel.Lanes);
        // 1 frame, a partial block of lanes at every width (61 frames) and several blocks; the offset exercises DC removal.
        foreach (var samples in new[] { 400, 16000 * 61 / 100 + 240, 16000 })
        {
            var clips = randn(3, samples, generator: new Generator(11)) * 0.1 + 0.02;
            var reference = fbank.Compute(clips.to(float64), 16000).to(float32);
            LogMelAssert.Close(kernel.Compute(clips, 2), reference, $"{width}-bit lanes, {samples} samples");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Each_width_agrees_with_the_widest_to_float_round_off(int width)
    {
        using var scope = NewDisposeScope();
        var clips = randn(2, 16000 + 123, generator: new Generator(5)) * 0.3;
        var widest = VectorFbank.Create(FbankOptions.Official, 16000, 512).Compute(clips, 1);
        var features = VectorFbank.Create(FbankOptions.Official, 16000, width).Compute(clips, 1);
        Assert.Equal(widest.shape, features.shape);
        var difference = features.sub(widest).abs().max().item<float>();
        Assert.True(difference <= 1e-5f, $"{width}-bit lanes differ from 512-bit ones by up to {difference:G4}");
    }

    [Fact]
    public void A_batch_equals_its_clips_one_at_a_time()
    {
        using var scope = NewDisposeScope();
        using var fbank = new KaldiFbank();
        var clips = randn(5, 16000 * 3 + 77, generator: new Generator(9)) * 0.2;
        var batched = fbank.Compute(clips, 16000);
        Assert.Equal(new long[] { 5, 298, 128 }, batched.shape);
        for (var i = 0; i < 5; i++)
            Assert.Equal(0f, batched[i].sub(fbank.Compute(clips[i], 16000)).abs().max().item<float>());
    }

    [Fact]
    public void An_unknown_width_names_the_choices()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => VectorFbank.Create(FbankOptions.Official, 16000, 64));
        Assert.StartsWith("vector width must be one of 128, 256, 512 bits", error.Message);
    }
}
