namespace AstDsl.Contract;

/// <summary>The metrics the language can ask for (<c>evaluation.metrics</c>, <c>evaluation.main</c>), as the official stats.py names them.</summary>
public static class MetricNames
{
    /// <summary>Mean average precision over classes.</summary>
    public const string MeanAveragePrecision = "mAP";
    /// <summary>Mean ROC AUC over classes.</summary>
    public const string MeanAuc = "mAUC";
    /// <summary>d-prime derived from mAUC.</summary>
    public const string DPrime = "d_prime";
    /// <summary>Top-1 accuracy.</summary>
    public const string Accuracy = "acc";

    /// <summary>Every metric, in report order.</summary>
    public static IReadOnlyList<string> All { get; } = new[] { MeanAveragePrecision, MeanAuc, DPrime, Accuracy };
}
