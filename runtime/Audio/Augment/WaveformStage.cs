namespace AstDsl.Audio.Augment;

/// <summary>The waveform stage of a <see cref="ClipRecipe"/>: optional mixup, then <see cref="Fbank"/>.</summary>
public sealed class WaveformStage
{
    private readonly ClipRecipe _recipe;

    internal WaveformStage(ClipRecipe recipe) => _recipe = recipe;

    /// <summary>
    /// With probability <paramref name="probability"/> the clip is mixed with a random second clip (official 'mixup',
    /// <see cref="WaveformMixup"/>), the weight drawn from Beta(<paramref name="alpha"/>, <paramref name="alpha"/>).
    /// </summary>
    /// <exception cref="ArgumentException">A probability outside [0, 1] or a non-positive alpha.</exception>
    public WaveformStage Mixup(double probability, double alpha) => new(_recipe.WithMixup(new MixupStep(probability, alpha)));

    /// <summary>Kaldi fbank of the (mixed) waveform, padded or cut to the target length: the raw log-mel stage.</summary>
    public FeatureStage Fbank() => new(_recipe);
}
