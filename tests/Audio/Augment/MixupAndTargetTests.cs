using AstDsl.Audio.Augment;
using AstDsl.Audio.Features;
using AstDsl.TestSupport;
using static TorchSharp.torch;

namespace AstDsl.Audio.Tests.Augment;

public sealed class MixupAndTargetTests
{
    [Fact]
    public void Beta_10_10_has_the_right_moments_and_is_seeded()
    {
        var rng = new Random(3);
        var draws = Enumerable.Range(0, 20000).Select(_ => RandomDistributions.Beta(rng, 10, 10)).ToArray();
        var mean = draws.Average();
        var variance = draws.Select(d => (d - mean) * (d - mean)).Average();
        Assert.InRange(mean, 0.495, 0.505);
        Assert.InRange(variance, 0.0119 * 0.93, 0.0119 * 1.07); // ab / ((a+b)^2 (a+b+1)) = 100 / 8400
        Assert.All(draws, d => Assert.InRange(d, 0.0, 1.0));
        Assert.Equal(RandomDistributions.Beta(new Random(5), 10, 10), RandomDistributions.Beta(new Random(5), 10, 10));
    }

    [Fact]
    public void Gamma_below_one_has_the_right_mean()
    {
        var rng = new Random(8);
        var mean = Enumerable.Range(0, 20000).Select(_ => RandomDistributions.Gamma(rng, 0.5)).Average();
        Assert.InRange(mean, 0.48, 0.52);
    }

    [Fact]
    public void Mixed_targets_weight_each_clip_and_sum_to_the_label_mass()
    {
        var target = TargetBuilder.Mixed([0, 2], [2, 3], 0.3, 5, 0);
        Assert.Equal(new[] { 0.3f, 0f, 1f, 0.7f, 0f }, target);
        var smoothed = TargetBuilder.Mixed([1], [4], 0.6, 5, 0.1);
        Assert.Equal(0.02f + 0.6f * 0.9f, smoothed[1], 6);
        Assert.Equal(0.02f + 0.4f * 0.9f, smoothed[4], 6);
        Assert.Equal(0.02f, smoothed[0], 6);
        Assert.Equal(1.0, smoothed.Sum(), 5); // one label each: smoothing keeps the total mass at 1
    }

    [Fact]
    public void Single_targets_with_smoothing_follow_the_official_formula()
    {
        Assert.Equal(new[] { 0f, 1f, 1f }, TargetBuilder.Single([1, 2], 3, 0));
        var t = TargetBuilder.Single([0], 4, 0.2);
        Assert.Equal(new[] { 0.8f, 0.05f, 0.05f, 0.05f }, t);
    }

    [Fact]
    public void Waveform_mixup_pads_or_cuts_the_second_clip_and_removes_the_mean()
    {
        using var scope = NewDisposeScope();
        using var a = new Waveform(tensor(new[] { 1f, 2f, 3f, 4f }), 16000);
        using var shortB = new Waveform(tensor(new[] { 10f, 10f }), 16000);
        using var longB = new Waveform(tensor(new[] { 1f, 1f, 1f, 1f, 100f }), 16000);
        using var mixedShort = WaveformMixup.Mix(a, shortB, 0.5);
        // 0.5 * [1,2,3,4] + 0.5 * [10,10,0,0] = [5.5, 6, 1.5, 2], mean 3.75
        TensorAssert.Close(mixedShort.Samples, tensor(new[] { 1.75f, 2.25f, -2.25f, -1.75f }), 1e-6, "padded");
        using var mixedLong = WaveformMixup.Mix(a, longB, 0.25);
        Assert.Equal(4, mixedLong.Samples.shape[0]);
        Assert.Equal(0.0, mixedLong.Samples.mean().item<float>(), 6);
    }

    [Fact]
    public void Clips_of_different_rates_cannot_be_mixed()
    {
        using var a = new Waveform(zeros(4), 16000);
        using var b = new Waveform(zeros(4), 44100);
        var e = Assert.Throws<ArgumentException>(() => WaveformMixup.Mix(a, b, 0.5));
        Assert.Contains("set `resample = on` in the features block", e.Message);
    }

    [Fact]
    public void Feature_noise_is_small_positive_and_rolls_by_the_reported_shift()
    {
        using var scope = NewDisposeScope();
        var x = arange(50, dtype: float32).unsqueeze(1).expand(50, 4).contiguous();
        var (noisy, shift) = FeatureNoise.Apply(x, new Random(2));
        Assert.InRange(shift, -10, 9);
        var unrolled = noisy.roll(-shift, 0);
        var added = unrolled - x;
        Assert.True(added.min().item<float>() >= 0);
        Assert.True(added.max().item<float>() < 0.1f);
        var (again, shift2) = FeatureNoise.Apply(x, new Random(2));
        Assert.Equal(shift, shift2);
        TensorAssert.Equal(again, noisy, "seeded noise");
    }
}
