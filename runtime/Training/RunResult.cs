using AstDsl.Training.Loop;

namespace AstDsl.Training;

/// <summary>The outcome of a training run (or of a cross-validation run, whose folds are listed).</summary>
public sealed record RunResult
{
    /// <summary>The run folder.</summary>
    public required string RunDirectory { get; init; }
    /// <summary>The metric that selected the best checkpoint.</summary>
    public required string MainMetric { get; init; }
    /// <summary>Every epoch (empty for a cross-validation summary).</summary>
    public IReadOnlyList<EpochRecord> History { get; init; } = Array.Empty<EpochRecord>();
    /// <summary>Epoch with the best main metric.</summary>
    public int BestEpoch { get; init; }
    /// <summary>Its main-metric value.</summary>
    public double BestMetric { get; init; }
    /// <summary>Weights of the best epoch (null for a cross-validation summary).</summary>
    public string? BestCheckpoint { get; init; }
    /// <summary>Metrics of the last epoch.</summary>
    public IReadOnlyDictionary<string, double> FinalMetrics { get; init; } = new Dictionary<string, double>();
    /// <summary>Checkpoint-ensemble metrics after the last epoch, when enabled.</summary>
    public IReadOnlyDictionary<string, double>? EnsembleMetrics { get; init; }
    /// <summary>Metrics of the weight-averaged model, when enabled.</summary>
    public IReadOnlyDictionary<string, double>? AveragedMetrics { get; init; }
    /// <summary>Per-fold runs of a cross-validation experiment.</summary>
    public IReadOnlyList<RunResult> Folds { get; init; } = Array.Empty<RunResult>();
    /// <summary>Mean over folds of each fold's last-epoch accuracy, as the official get_esc_result.</summary>
    public double? FoldMeanAccuracy { get; init; }
    /// <summary>Things a user should know (classes excluded from the means, skipped files).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();
}
