using System.Globalization;
using System.Text;
using AstDsl.Training.Experiments;
using AstDsl.Training.Runs;

namespace AstDsl.Training.Reports;

/// <summary>The human-readable summary of a run, report.md, next to its metrics files and pictures.</summary>
public static class RunReport
{
    /// <summary>Writes report.md for <paramref name="result"/>.</summary>
    public static void Write(RunDirectory run, ExperimentDefinition definition, RunResult result) =>
        RunFiles.Write(run.ReportFile, () => File.WriteAllText(run.ReportFile, Render(definition, result)));

    /// <summary>The report text.</summary>
    public static string Render(ExperimentDefinition definition, RunResult result)
    {
        var text = new StringBuilder();
        text.AppendLine($"# {definition.Name}");
        text.AppendLine();
        text.AppendLine($"- run: `{result.RunDirectory}`");
        text.AppendLine($"- main metric: {result.MainMetric}; best epoch {result.BestEpoch} ({F(result.BestMetric)})");
        if (result.BestCheckpoint is not null) text.AppendLine($"- best weights: `{Path.GetRelativePath(result.RunDirectory, result.BestCheckpoint)}`");
        text.AppendLine($"- seed {definition.Train.Seed}, optimiser {LanguageWords.Of(definition.Recipe.Optimizer.Kind)} lr {F(definition.Recipe.Optimizer.LearningRate)}, loss {Loss(definition)}, batch {definition.Train.BatchSize}");
        text.AppendLine();
        if (result.History.Count > 0)
        {
            var names = result.History[0].Metrics.Keys.ToList();
            text.AppendLine("| epoch | train loss | eval loss | lr | " + string.Join(" | ", names) + " |");
            text.AppendLine("|---|---|---|---|" + string.Concat(names.Select(_ => "---|")));
            foreach (var r in result.History)
                text.AppendLine($"| {r.Epoch} | {F(r.TrainLoss)} | {F(r.EvalLoss)} | {r.LearningRate.ToString("G3", CultureInfo.InvariantCulture)} | " +
                                string.Join(" | ", names.Select(n => F(r.Metrics[n]))) + " |");
            text.AppendLine();
        }
        Section(text, "Checkpoint ensemble (mean prediction of epochs 1..last)", result.EnsembleMetrics);
        Section(text, "Weight averaging", result.AveragedMetrics);
        if (result.Folds.Count > 0)
        {
            text.AppendLine("## Cross-validation");
            text.AppendLine();
            text.AppendLine("| fold run | last-epoch " + result.MainMetric + " | best " + result.MainMetric + " |");
            text.AppendLine("|---|---|---|");
            foreach (var fold in result.Folds)
                text.AppendLine($"| `{Path.GetFileName(fold.RunDirectory)}` | {F(fold.FinalMetrics[result.MainMetric])} | {F(fold.BestMetric)} |");
            text.AppendLine();
            text.AppendLine("Mean over folds (last epoch): " + string.Join(", ", result.FinalMetrics.Select(kv => $"{kv.Key} **{F(kv.Value)}**")));
            text.AppendLine();
        }
        if (result.Warnings.Count > 0)
        {
            text.AppendLine("## Warnings");
            text.AppendLine();
            foreach (var w in result.Warnings) text.AppendLine($"- {w}");
            text.AppendLine();
        }
        if (result.History.Count > 0)
            text.AppendLine("![loss](loss.png) ![metrics](metrics.png)" + (definition.Recipe.Loss.Kind == LossKind.Ce && definition.Pretrain.MaskedModeling is null ? " ![confusion](confusion.png)" : "") +
                            string.Concat(CurvePlots.Paired(result.History[0].Metrics.Keys).Select(name => $" ![{name}]({name}.png)")));
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IReadOnlyDictionary<string, double>? metrics)
    {
        if (metrics is null) return;
        text.AppendLine($"## {title}");
        text.AppendLine();
        foreach (var (name, value) in metrics) text.AppendLine($"- {name}: {F(value)}");
        text.AppendLine();
    }

    private static string Loss(ExperimentDefinition definition) => definition.Pretrain.MaskedModeling is { } masking
        ? FormattableString.Invariant($"ssl(mpc: {masking.MpcWeight}, mpg: {masking.MpgWeight}) on {masking.MaskedPatches} masked patches{(masking.Cluster ? " in clusters" : "")}")
        : definition.Recipe.Loss.Kind.ToString();

    private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
