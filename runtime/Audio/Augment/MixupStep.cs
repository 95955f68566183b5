namespace AstDsl.Audio.Augment;

/// <summary>Waveform mixup with probability <see cref="Probability"/> and weight ~ Beta(<see cref="Alpha"/>, <see cref="Alpha"/>).</summary>
public sealed record MixupStep
{
    /// <summary>A mixup step.</summary>
    /// <exception cref="ArgumentException">A probability outside (0, 1] or a non-positive alpha.</exception>
    public MixupStep(double probability, double alpha)
    {
        if (probability is <= 0 or > 1) throw new ArgumentException($"augment.mixup must be a probability in (0, 1] when mixup is used, got {probability}");
        if (!(alpha > 0)) throw new ArgumentException($"the mixup Beta parameter must be positive, got {alpha}");
        Probability = probability;
        Alpha = alpha;
    }

    /// <summary>Probability that a clip is mixed.</summary>
    public double Probability { get; }

    /// <summary>Both parameters of the Beta distribution of the mixing weight.</summary>
    public double Alpha { get; }
}
