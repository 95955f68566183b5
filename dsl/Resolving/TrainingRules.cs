using AstDsl.Dsl.Binding;
using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Resolved;

namespace AstDsl.Dsl.Resolving;

/// <summary>Checks across the data, training and evaluation sections.</summary>
internal static class TrainingRules
{
    public const string FoldPlaceholder = "{fold}";

    public static void Check(BoundSpec spec, DataSpec data, TrainSpec train, EvaluationSpec evaluation, BindContext context)
    {
        if (train.WeightAveragingEnd is { } end && end > train.Epochs)
            context.Report(DiagnosticCatalog.InvalidRange, spec.SpanOf("train.wa"),
                $"weight averaging ends at epoch {end} but training has {train.Epochs} epochs; end the range at {train.Epochs} or train longer");
        if (!evaluation.Metrics.Contains(evaluation.MainMetric))
            context.Report(DiagnosticCatalog.MainMetricNotReported, spec.SpanOf("evaluation.main", "evaluation.metrics"),
                $"main metric '{evaluation.MainMetric}' is not in metrics [{string.Join(", ", evaluation.Metrics)}]; add it to the list");
        if (data.Folds.Count > 0 && !data.TrainFile.Contains(FoldPlaceholder) && !data.EvalFile.Contains(FoldPlaceholder))
            context.Report(DiagnosticCatalog.FoldsWithoutPlaceholder, spec.SpanOf("data.folds"),
                $"folds are listed but neither datafile contains {FoldPlaceholder}, so every fold trains on the same split; write e.g. \"train_{FoldPlaceholder}.json\"");
    }
}
