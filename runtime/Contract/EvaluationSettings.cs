namespace AstDsl.Contract;

/// <summary>Evaluation (<c>evaluation</c>): the metrics computed and reported after each epoch and how the best checkpoint is chosen.</summary>
public sealed record EvaluationSettings
{
    /// <summary><c>metrics</c>: the metrics computed, printed, stored and plotted (names from <see cref="MetricNames"/>).</summary>
    public IReadOnlyList<string> Metrics { get; init; } = MetricNames.All;
    /// <summary><c>main</c>: metric that selects the best checkpoint (higher is better); one of <see cref="Metrics"/>.</summary>
    public string MainMetric { get; init; } = MetricNames.MeanAveragePrecision;
    /// <summary><c>ensemble</c>: also report the checkpoint ensemble (mean prediction of epochs 1..current, official "cum" metrics).</summary>
    public bool Ensemble { get; init; }
}
