using AstDsl.Training.Evaluation;

namespace AstDsl.Cli.Console;

/// <summary>Prints evaluation results: members (for ensembles), the metrics and any skipped clips.</summary>
public static class EvaluationPrinter
{
    /// <summary>Writes <paramref name="evaluation"/> to standard output (skipped clips to standard error).</summary>
    public static void Print(EvaluationResult evaluation)
    {
        foreach (var warning in evaluation.Warnings)
            System.Console.Error.WriteLine($"warning: {warning}");
        foreach (var skipped in evaluation.Skipped)
            System.Console.Error.WriteLine($"warning: skipped {skipped.Path}: {skipped.Reason}");
        for (var i = 0; i < evaluation.MemberMetrics.Count; i++)
            System.Console.WriteLine($"member {i + 1} ({evaluation.Checkpoints[i]}): {RunSummary.Format(evaluation.MemberMetrics[i])}");
        System.Console.WriteLine($"{evaluation.Datafile}: {RunSummary.Format(evaluation.Metrics)}");
        if (evaluation.Cache is { } cache)
            System.Console.WriteLine($"feature cache {cache.Folder}: {cache.Hits} read, {cache.Misses} computed");
        System.Console.WriteLine(evaluation.Skipped.Count == 0
            ? $"clips: {evaluation.Predictions.Rows} evaluated"
            : $"clips: {evaluation.Predictions.Rows} evaluated, {evaluation.Skipped.Count} unreadable and skipped (metrics leave them out)");
    }
}
