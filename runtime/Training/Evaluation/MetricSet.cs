using AstDsl.Metrics;

namespace AstDsl.Training.Evaluation;

/// <summary>Named metric values from a metrics report.</summary>
public static class MetricSet
{
    /// <summary>All four official metrics by name (mAP, mAUC, d_prime, acc).</summary>
    public static IReadOnlyDictionary<string, double> From(Report report) =>
        Stats.metricNames.ToDictionary(name => name, report.Get);

    /// <summary>Checks that <paramref name="name"/> is an official metric and returns its canonical spelling.</summary>
    /// <exception cref="Errors.TrainingConfigurationException">Unknown metric.</exception>
    public static string Canonical(string name) =>
        Stats.metricNames.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new Errors.TrainingConfigurationException("evaluation.main_metric",
            $"unknown metric '{name}'; use one of {string.Join(", ", Stats.metricNames)}.");
}
