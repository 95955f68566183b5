using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Audio.Features;

/// <summary>The official fbank normalisation (x - mean) / (2 std) with a dataset's statistics.</summary>
public sealed record FeatureNormalization
{
    /// <summary>Normalisation with dataset mean <paramref name="mean"/> and standard deviation <paramref name="std"/>.</summary>
    /// <exception cref="ArgumentException">A non-finite mean or a non-positive std.</exception>
    public FeatureNormalization(float mean, float std)
    {
        if (Problem(mean, std) is { } problem) throw new ArgumentException(problem);
        Mean = mean;
        Std = std;
    }

    /// <summary>Dataset fbank mean.</summary>
    public float Mean { get; }

    /// <summary>Dataset fbank standard deviation (the official code divides by twice this value).</summary>
    public float Std { get; }

    /// <summary>What is wrong with the statistics, naming the spec keys, or null.</summary>
    public static string? Problem(float mean, float std)
    {
        if (!(std > 0) || !float.IsFinite(std)) return $"features.std must be a positive number that fits a float (about 1e-38 to 3e38), got {std}";
        if (!float.IsFinite(mean)) return $"features.mean must be a finite number that fits a float, got {mean}";
        return null;
    }

    /// <summary>The normalised copy of <paramref name="fbank"/>.</summary>
    public Tensor Apply(Tensor fbank)
    {
        ArgumentNullException.ThrowIfNull(fbank);
        // Explicit Scalars held to the end of the calls (see HeldScalars).
        using var mean = Mean.ToScalar();
        using var scale = (Std * 2f).ToScalar();
        using var centred = fbank.sub(mean);
        return centred.div(scale);
    }
}
