using System.Globalization;
using AstDsl.Training.Loop;

namespace AstDsl.Training.Progress;

/// <summary>One-line description of a finished epoch, shared by every display and the run log.</summary>
public static class EpochSummary
{
    /// <summary>"epoch 3: train loss ..., mAP ... (ensemble ...)".</summary>
    public static string Describe(EpochRecord record, string mainMetric)
    {
        static string Values(IReadOnlyDictionary<string, double> metrics) =>
            string.Join(", ", metrics.Select(kv => $"{kv.Key} {kv.Value.ToString("F4", CultureInfo.InvariantCulture)}"));
        var ensemble = record.EnsembleMetrics is { } e ? $"; ensemble {Values(e)}" : "";
        return FormattableString.Invariant(
            $"epoch {record.Epoch}: train loss {record.TrainLoss:F4}, eval loss {record.EvalLoss:F4}, {Values(record.Metrics)}{ensemble} (main {mainMetric}, {record.Seconds:F1} s)");
    }
}
