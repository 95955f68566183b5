using AstDsl.Audio.Features;

namespace AstDsl.Audio.Augment;

/// <summary>The raw log-mel stage of a <see cref="ClipRecipe"/>: SpecAugment masks, then <see cref="Normalize"/>.</summary>
public sealed class FeatureStage
{
    private readonly ClipRecipe _recipe;

    internal FeatureStage(ClipRecipe recipe) => _recipe = recipe;

    /// <summary>Zeroes one random band of fewer than <paramref name="maxWidth"/> mel bins (official 'freqm').</summary>
    /// <exception cref="ArgumentException"><paramref name="maxWidth"/> is not positive.</exception>
    public FeatureStage MaskFrequency(int maxWidth) => new(_recipe.WithRawStep(new MaskStep(MaskAxis.Frequency, maxWidth)));

    /// <summary>Zeroes one random run of fewer than <paramref name="maxWidth"/> frames (official 'timem').</summary>
    /// <exception cref="ArgumentException"><paramref name="maxWidth"/> is not positive.</exception>
    public FeatureStage MaskTime(int maxWidth) => new(_recipe.WithRawStep(new MaskStep(MaskAxis.Time, maxWidth)));

    /// <summary>(x - <paramref name="mean"/>) / (2 <paramref name="std"/>), the official normalisation: the normalised stage.</summary>
    /// <exception cref="ArgumentException">A non-finite mean or a non-positive std.</exception>
    public ClipRecipe Normalize(float mean, float std) => _recipe.WithNormalization(new FeatureNormalization(mean, std));
}
