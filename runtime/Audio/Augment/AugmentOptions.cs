namespace AstDsl.Audio.Augment;

/// <summary>
/// Training-time augmentation, as the official AudiosetDataset applies it and in its order: waveform mixup, SpecAugment
/// frequency then time masking, normalisation, feature noise with a time roll; plus label smoothing of the targets.
/// Everything is off by default (evaluation).
/// </summary>
public sealed record AugmentOptions
{
    /// <summary>No augmentation (evaluation and statistics).</summary>
    public static AugmentOptions None { get; } = new();

    /// <summary>Probability that a clip is mixed with a random second clip (official 'mixup').</summary>
    public double MixupProbability { get; init; }
    /// <summary>Both parameters of the Beta distribution of the mixing weight (the official code fixes 10).</summary>
    public double MixupAlpha { get; init; } = 10.0;
    /// <summary>Maximum frequency-mask width in mel bins, exclusive (official 'freqm'); 0 disables it.</summary>
    public int FrequencyMask { get; init; }
    /// <summary>Maximum time-mask width in frames, exclusive (official 'timem'); 0 disables it.</summary>
    public int TimeMask { get; init; }
    /// <summary>Add uniform noise scaled by a random level below 0.1 and roll the frames by -10..9 (official 'noise').</summary>
    public bool Noise { get; init; }
    /// <summary>Label smoothing epsilon: negatives get eps / classes, positives 1 - eps (official 'label_smooth').</summary>
    public double LabelSmoothing { get; init; }

    /// <summary>True when at least one augmentation is switched on.</summary>
    public bool Any => MixupProbability > 0 || FrequencyMask > 0 || TimeMask > 0 || Noise || LabelSmoothing > 0;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (MixupProbability is < 0 or > 1) throw new ArgumentException($"augment.mixup must be a probability in [0, 1], got {MixupProbability}");
        if (!(MixupAlpha > 0)) throw new ArgumentException($"the mixup Beta parameter must be positive, got {MixupAlpha}");
        if (FrequencyMask < 0) throw new ArgumentException($"augment.freqm must be >= 0, got {FrequencyMask}");
        if (TimeMask < 0) throw new ArgumentException($"augment.timem must be >= 0, got {TimeMask}");
        if (LabelSmoothing is < 0 or >= 1) throw new ArgumentException($"augment.label_smoothing must be in [0, 1), got {LabelSmoothing}");
    }
}
