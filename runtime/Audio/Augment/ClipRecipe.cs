using AstDsl.Audio.Features;

namespace AstDsl.Audio.Augment;

/// <summary>
/// What happens to one training clip, composed in the official AudiosetDataset's order and nothing else: waveform
/// mixup, the fbank, SpecAugment masks on the raw log-mel, normalisation, then steps on normalised features (noise),
/// plus label smoothing of the targets. Start with <see cref="Load"/>; each stage offers only the steps legal at that
/// point, so the order cannot be broken. Immutable; <see cref="Data.ClipDataset"/> runs it with a per-clip seed.
/// </summary>
public sealed record ClipRecipe
{
    private ClipRecipe() { }

    /// <summary>Only the front end: fbank, pad or cut and the clip pipeline's own normalisation; no augmentation (evaluation, statistics).</summary>
    public static ClipRecipe FrontEndOnly { get; } = new();

    /// <summary>The first stage: the clip as loaded by the clip pipeline (resampled, channel policy, mean removed).</summary>
    public static WaveformStage Load() => new(FrontEndOnly);

    /// <summary>Waveform mixup, if any.</summary>
    public MixupStep? Mixup { get; private init; }

    /// <summary>Steps on the raw (padded) log-mel, in order.</summary>
    public IReadOnlyList<IFeatureStep> RawSteps { get; private init; } = [];

    /// <summary>(x - mean) / (2 std) with the spec's statistics; null keeps the clip pipeline's own setting.</summary>
    public FeatureNormalization? Normalization { get; private init; }

    /// <summary>Steps on normalised features, in order.</summary>
    public IReadOnlyList<IFeatureStep> NormalizedSteps { get; private init; } = [];

    /// <summary>Label smoothing epsilon of the targets (0: hard targets).</summary>
    public double LabelSmoothing { get; private init; }

    /// <summary>Adds the official 'noise' step (<see cref="FeatureNoise"/>) on the normalised features.</summary>
    public ClipRecipe Noise() => this with { NormalizedSteps = [.. NormalizedSteps, new NoiseStep()] };

    /// <summary>Smooths the targets: negatives get epsilon / classes, positives 1 - epsilon (official 'label_smooth').</summary>
    /// <exception cref="ArgumentException"><paramref name="epsilon"/> is outside [0, 1).</exception>
    public ClipRecipe SmoothLabels(double epsilon)
    {
        if (epsilon is < 0 or >= 1) throw new ArgumentException($"augment.label_smoothing must be in [0, 1), got {epsilon}");
        return this with { LabelSmoothing = epsilon };
    }

    /// <summary>The same front end with every random step dropped: what evaluation clips go through.</summary>
    public ClipRecipe WithoutAugmentation() => FrontEndOnly with { Normalization = Normalization };

    internal ClipRecipe WithMixup(MixupStep mixup) => this with { Mixup = mixup };

    internal ClipRecipe WithRawStep(IFeatureStep step) => this with { RawSteps = [.. RawSteps, step] };

    internal ClipRecipe WithNormalization(FeatureNormalization normalization) => this with { Normalization = normalization };
}
