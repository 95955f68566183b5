using static TorchSharp.torch;

namespace AstDsl.Audio.Augment;

/// <summary>The official 'noise' step on normalised features (<see cref="FeatureNoise"/>).</summary>
public sealed record NoiseStep : IFeatureStep
{
    /// <inheritdoc />
    public Tensor Apply(Tensor features, Random rng) => FeatureNoise.Apply(features, rng).Features;
}
