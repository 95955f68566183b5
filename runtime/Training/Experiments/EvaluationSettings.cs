namespace AstDsl.Training.Experiments;

/// <summary>Metrics reported after each epoch and how the best checkpoint is chosen.</summary>
public sealed record EvaluationSettings
{
    /// <summary>Metrics to report: any of mAP, mAUC, d_prime, acc.</summary>
    public IReadOnlyList<string> Metrics { get; init; } = new[] { "mAP", "mAUC", "d_prime", "acc" };
    /// <summary>Metric that selects the best checkpoint (higher is better).</summary>
    public string MainMetric { get; init; } = "mAP";
    /// <summary>Also report the checkpoint ensemble (mean prediction of epochs 1..current, official "cum" metrics).</summary>
    public bool Ensemble { get; init; }
}
