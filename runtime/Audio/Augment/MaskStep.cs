using static TorchSharp.torch;

namespace AstDsl.Audio.Augment;

/// <summary>The axis a SpecAugment mask covers.</summary>
public enum MaskAxis
{
    /// <summary>Mel bins (official 'freqm').</summary>
    Frequency,
    /// <summary>Frames (official 'timem').</summary>
    Time,
}

/// <summary>One SpecAugment mask of widths below <see cref="MaxWidth"/> along <see cref="Axis"/>, in place.</summary>
public sealed record MaskStep : IFeatureStep
{
    /// <summary>A mask step; <paramref name="maxWidth"/> must be positive (a spec writes 0 to leave the step out).</summary>
    public MaskStep(MaskAxis axis, int maxWidth)
    {
        if (maxWidth < 1)
            throw new ArgumentException($"augment.{(axis == MaskAxis.Frequency ? "freqm" : "timem")} must be >= 1 when the mask is used, got {maxWidth}");
        Axis = axis;
        MaxWidth = maxWidth;
    }

    /// <summary>Masked axis.</summary>
    public MaskAxis Axis { get; }

    /// <summary>Exclusive upper bound of the mask width.</summary>
    public int MaxWidth { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor features, Random rng)
    {
        if (Axis == MaskAxis.Frequency) SpecAugment.MaskFrequency(features, MaxWidth, rng);
        else SpecAugment.MaskTime(features, MaxWidth, rng);
        return features;
    }
}
