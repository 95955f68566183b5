namespace AstDsl.Training.Experiments;

/// <summary>Training-time augmentation, applied in the official dataloader's order.</summary>
public sealed record AugmentSettings
{
    /// <summary>Probability of waveform mixup (lambda ~ Beta(10, 10)).</summary>
    public double Mixup { get; init; }
    /// <summary>Maximum SpecAugment frequency-mask width in bins (0 disables).</summary>
    public int FreqMask { get; init; }
    /// <summary>Maximum SpecAugment time-mask width in frames (0 disables).</summary>
    public int TimeMask { get; init; }
    /// <summary>Add small noise and a random time roll to the fbank.</summary>
    public bool Noise { get; init; }
    /// <summary>Label smoothing amount (0 disables).</summary>
    public double LabelSmoothing { get; init; }
}
