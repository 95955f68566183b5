using AstDsl.Audio.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Audio.Augment;

/// <summary>
/// The official waveform mixup: the second clip is zero-padded or cut to the first clip's length,
/// mixed as lambda * a + (1 - lambda) * b, and the mean of the mixture removed.
/// </summary>
public static class WaveformMixup
{
    /// <summary>The mixed mono waveform (both inputs already mean-free, same rate).</summary>
    public static Waveform Mix(Waveform first, Waveform second, double lambda)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.SampleRate != second.SampleRate)
            throw new ArgumentException(
                $"cannot mix a {first.SampleRate} Hz clip with a {second.SampleRate} Hz clip; set `resample = on` in the features block to bring every clip to features.sample_rate");
        using var scope = NewDisposeScope();
        var length = first.Samples.shape[0];
        var other = second.Samples.shape[0] >= length
            ? second.Samples[..(int)length]
            : nn.functional.pad(second.Samples, [0, length - second.Samples.shape[0]]);
        // Explicit Scalars held to the end of the calls (see HeldScalars).
        using var firstWeight = lambda.ToScalar();
        using var secondWeight = (1 - lambda).ToScalar();
        var mixed = first.Samples.mul(firstWeight).add(other.mul(secondWeight), HeldScalars.One);
        return new Waveform(ClipPipeline.RemoveMean(mixed).MoveToOuterDisposeScope(), first.SampleRate);
    }
}
