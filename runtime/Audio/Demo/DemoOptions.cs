namespace AstDsl.Audio.Demo;

/// <summary>Size and shape of the synthetic demo dataset.</summary>
public sealed record DemoOptions
{
    /// <summary>Clips in train.json.</summary>
    public int TrainClips { get; init; } = 600;
    /// <summary>Clips in eval.json.</summary>
    public int EvalClips { get; init; } = 200;
    /// <summary>Sample rate of the WAV files.</summary>
    public int SampleRate { get; init; } = 16000;
    /// <summary>Shortest clip in seconds.</summary>
    public double MinSeconds { get; init; } = 2.0;
    /// <summary>Longest clip in seconds.</summary>
    public double MaxSeconds { get; init; } = 5.0;
    /// <summary>Most events (distinct classes) per clip; every clip has at least one.</summary>
    public int MaxEvents { get; init; } = 3;
    /// <summary>Lowest and highest event level in dB relative to full scale (RMS).</summary>
    public (double Low, double High) EventLevelDb { get; init; } = (-26, -12);
    /// <summary>Lowest and highest event-to-background ratio in dB.</summary>
    public (double Low, double High) SnrDb { get; init; } = (6, 30);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (TrainClips < 1 || EvalClips < 1) throw new ArgumentException("TrainClips and EvalClips must be positive");
        if (SampleRate < 8000) throw new ArgumentException($"SampleRate must be at least 8000 Hz, got {SampleRate}");
        if (!(MinSeconds >= 1.6) || MaxSeconds < MinSeconds)
            throw new ArgumentException($"clip lengths [{MinSeconds}, {MaxSeconds}] s must satisfy 1.6 <= min <= max (events last up to 1.5 s)");
        if (MaxEvents is < 1 or > 10) throw new ArgumentException($"MaxEvents must be in 1..10, got {MaxEvents}");
    }
}
