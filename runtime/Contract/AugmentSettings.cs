namespace AstDsl.Contract;

/// <summary>Training-time augmentation (<c>augment</c>), applied in the official dataloader's order.</summary>
public sealed record AugmentSettings
{
    /// <summary>Both parameters of the Beta distribution of the mixup weight: the official code fixes them at 10.</summary>
    public const double MixupAlpha = 10;

    /// <summary><c>mixup</c>: probability of waveform mixup (lambda ~ Beta(<see cref="MixupAlpha"/>, <see cref="MixupAlpha"/>)).</summary>
    public double Mixup { get; init; }
    /// <summary><c>freqm</c>: maximum SpecAugment frequency-mask width in bins (0 disables).</summary>
    public int FreqMask { get; init; }
    /// <summary><c>timem</c>: maximum SpecAugment time-mask width in frames (0 disables).</summary>
    public int TimeMask { get; init; }
    /// <summary><c>noise</c>: add small noise and a random time roll to the fbank.</summary>
    public bool Noise { get; init; }
    /// <summary><c>label_smoothing</c>: label smoothing amount (0 disables).</summary>
    public double LabelSmoothing { get; init; }
}
