using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Audio.Augment;

/// <summary>
/// The official 'noise' augmentation on normalised features: x + rand(frames, bins) * level / 10 with level ~ U[0, 1),
/// then a circular shift along time by an integer in [-10, 10) (numpy randint's exclusive upper bound).
/// </summary>
public static class FeatureNoise
{
    /// <summary>Returns the noisy, rolled copy of a (frames, mel bins) matrix and the shift used.</summary>
    public static (Tensor Features, int Shift) Apply(Tensor features, Random rng)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(rng);
        var level = rng.NextDouble();
        var shift = rng.Next(-10, 10);
        using var generator = new Generator((ulong)rng.NextInt64(), features.device);
        using var scope = NewDisposeScope();
        var noise = rand(features.shape, dtype: features.dtype, device: features.device, generator: generator);
        // Explicit Scalars held to the end of the calls (see HeldScalars).
        using var scale = (level / 10).ToScalar();
        var noisy = features.add(noise.mul(scale), HeldScalars.One).roll(shift, 0);
        return (noisy.MoveToOuterDisposeScope(), shift);
    }
}
