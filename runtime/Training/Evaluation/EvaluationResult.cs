using AstDsl.Audio.Data;
using AstDsl.Metrics;

namespace AstDsl.Training.Evaluation;

/// <summary>Metrics of a model (or ensemble) on a datafile.</summary>
public sealed record EvaluationResult
{
    /// <summary>The evaluated datafile.</summary>
    public required string Datafile { get; init; }
    /// <summary>Checkpoints whose predictions were averaged (one for a single model).</summary>
    public required IReadOnlyList<string> Checkpoints { get; init; }
    /// <summary>The full metrics report (per-class AP/AUC, excluded classes).</summary>
    public required Report Report { get; init; }
    /// <summary>mAP, mAUC, d_prime, acc.</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }
    /// <summary>The (averaged) predictions.</summary>
    public required Predictions Predictions { get; init; }
    /// <summary>Metrics of each ensemble member on its own (empty for a single model).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>> MemberMetrics { get; init; } = Array.Empty<IReadOnlyDictionary<string, double>>();
    /// <summary>Clips that could not be read and were skipped (each once, also for an ensemble).</summary>
    public IReadOnlyList<SkippedClip> Skipped { get; init; } = Array.Empty<SkippedClip>();
    /// <summary>What makes the metrics doubtful although every clip was read (e.g. clips not at the model's sample rate), and feature cache trouble.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();
    /// <summary>How the run's feature cache served the evaluation, or null when it was not used.</summary>
    public FeatureCacheUse? Cache { get; init; }
}
