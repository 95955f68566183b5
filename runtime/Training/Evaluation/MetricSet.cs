using AstDsl.Metrics;

namespace AstDsl.Training.Evaluation;

/// <summary>Named metric values from a metrics report.</summary>
public static class MetricSet
{
    /// <summary>All four official metrics by name (mAP, mAUC, d_prime, acc).</summary>
    public static IReadOnlyDictionary<string, double> From(Report report) => From(report, MetricNames.All);

    /// <summary>The metrics <paramref name="names"/> (a spec's <c>evaluation.metrics</c>), in that order.</summary>
    public static IReadOnlyDictionary<string, double> From(Report report, IReadOnlyList<string> names) =>
        names.ToDictionary(name => name, report.Get);

    /// <summary>Checks that the main metric is among the reported ones and returns it.</summary>
    /// <exception cref="Errors.TrainingConfigurationException">The main metric is not reported.</exception>
    public static string Main(EvaluationSettings evaluation) =>
        evaluation.Metrics.Contains(evaluation.MainMetric)
            ? evaluation.MainMetric
            : throw new Errors.TrainingConfigurationException("evaluation.main",
                $"main metric '{evaluation.MainMetric}' is not in evaluation.metrics [{string.Join(", ", evaluation.Metrics)}]; add it to the list.");
}
