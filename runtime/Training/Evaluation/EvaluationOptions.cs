namespace AstDsl.Training.Evaluation;

/// <summary>How to evaluate stored models on a datafile.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Label CSV for the datafile; null uses the labels stored in the checkpoint.</summary>
    public string? LabelCsv { get; init; }
    /// <summary>Clips per batch.</summary>
    public int BatchSize { get; init; } = 24;
    /// <summary>Parallel decoding workers; 0 means one per core.</summary>
    public int Workers { get; init; }
    /// <summary>Score each clip by sliding windows of this many frames (at most the model input) instead of its first model input; null: off unless <see cref="Hop"/> is set.</summary>
    public int? Window { get; init; }
    /// <summary>Frames between windows when scoring by windows (default half a window).</summary>
    public int? Hop { get; init; }
    /// <summary>auto, cpu, cuda or cuda:N.</summary>
    public string Device { get; init; } = "auto";
}
