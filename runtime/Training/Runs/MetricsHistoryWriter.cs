using System.Globalization;
using System.Text;
using AstDsl.Training.Loop;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AstDsl.Training.Runs;

/// <summary>Writes the per-epoch history as metrics.csv and metrics.yaml (whole files, so a resumed run stays consistent).</summary>
public static class MetricsHistoryWriter
{
    /// <summary>Rewrites both files from <paramref name="history"/>.</summary>
    public static void Write(RunDirectory run, IReadOnlyList<EpochRecord> history)
    {
        RunFiles.Write(run.MetricsCsv, () => File.WriteAllText(run.MetricsCsv, Csv(history)));
        RunFiles.Write(run.MetricsYaml, () => File.WriteAllText(run.MetricsYaml, Yaml(history)));
    }

    /// <summary>One row per epoch; ensemble metrics are prefixed with <c>ens_</c>.</summary>
    public static string Csv(IReadOnlyList<EpochRecord> history)
    {
        var metricNames = history.SelectMany(r => r.Metrics.Keys).Distinct().ToList();
        var ensembleNames = history.SelectMany(r => r.EnsembleMetrics?.Keys ?? Enumerable.Empty<string>()).Distinct().ToList();
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", new[] { "epoch", "step", "train_loss", "eval_loss", "lr", "seconds" }
            .Concat(metricNames).Concat(ensembleNames.Select(n => "ens_" + n))));
        foreach (var r in history)
        {
            var cells = new[] { r.Epoch.ToString(CultureInfo.InvariantCulture), r.GlobalStep.ToString(CultureInfo.InvariantCulture) }
                .Concat(new[] { r.TrainLoss, r.EvalLoss, r.LearningRate, r.Seconds }.Select(Format))
                .Concat(metricNames.Select(n => r.Metrics.TryGetValue(n, out var v) ? Format(v) : ""))
                .Concat(ensembleNames.Select(n => r.EnsembleMetrics is { } e && e.TryGetValue(n, out var v) ? Format(v) : ""));
            text.AppendLine(string.Join(",", cells));
        }
        return text.ToString();
    }

    /// <summary>The history as a YAML list of epochs.</summary>
    public static string Yaml(IReadOnlyList<EpochRecord> history) =>
        new SerializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
            .Serialize(new { epochs = history });

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
