namespace AstDsl.Dsl.Resolved;

/// <summary>Training augmentation.</summary>
/// <param name="Mixup">Mixup probability.</param>
/// <param name="FreqMask">SpecAugment frequency mask (bins).</param>
/// <param name="TimeMask">SpecAugment time mask (frames).</param>
/// <param name="Noise">Add noise and a random time roll.</param>
/// <param name="LabelSmoothing">Label smoothing amount.</param>
public sealed record AugmentSpec(double Mixup, int FreqMask, int TimeMask, bool Noise, double LabelSmoothing);
