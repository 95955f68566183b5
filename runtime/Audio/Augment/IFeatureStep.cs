using static TorchSharp.torch;

namespace AstDsl.Audio.Augment;

/// <summary>One random step on a (frames, mel bins) feature matrix of a <see cref="ClipRecipe"/>.</summary>
public interface IFeatureStep
{
    /// <summary>The features after the step (the same tensor when it works in place); every draw comes from <paramref name="rng"/>.</summary>
    Tensor Apply(Tensor features, Random rng);
}
