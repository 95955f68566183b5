using System.Globalization;
using AstDsl.Training;

namespace AstDsl.Cli.Console;

/// <summary>The closing lines of a run: where it is, the best epoch and the final metrics.</summary>
public static class RunSummary
{
    /// <summary>Prints <paramref name="result"/> to standard output.</summary>
    public static void Print(RunResult result)
    {
        var c = CultureInfo.InvariantCulture;
        foreach (var warning in result.Warnings) System.Console.Error.WriteLine($"warning: {warning}");
        System.Console.WriteLine($"run directory: {result.RunDirectory}");
        if (result.FoldMeanAccuracy is { } mean)
            System.Console.WriteLine(string.Format(c, "cross-validation over {0} folds: mean accuracy {1:F4}", result.Folds.Count, mean));
        else
            System.Console.WriteLine(string.Format(c, "best {0} {1:F4} at epoch {2} ({3})", result.MainMetric, result.BestMetric, result.BestEpoch, result.BestCheckpoint));
        System.Console.WriteLine("final: " + Format(result.FinalMetrics));
        if (result.EnsembleMetrics is { } ensemble) System.Console.WriteLine("checkpoint ensemble: " + Format(ensemble));
        if (result.AveragedMetrics is { } averaged) System.Console.WriteLine("weight averaging: " + Format(averaged));
    }

    /// <summary>"name value" pairs, four decimals, in a stable order.</summary>
    public static string Format(IReadOnlyDictionary<string, double> metrics) =>
        string.Join("  ", metrics.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => string.Format(CultureInfo.InvariantCulture, "{0} {1:F4}", kv.Key, kv.Value)));
}
