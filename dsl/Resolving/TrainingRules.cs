using AstDsl.Dsl.Binding;
using AstDsl.Dsl.Diagnostics;

namespace AstDsl.Dsl.Resolving;

/// <summary>Checks across the data, training and evaluation sections; the rules the runtime shares live in the contract.</summary>
internal static class TrainingRules
{
    public static void Check(BoundSpec spec, DataSettings data, TrainSettings train, EvaluationSettings evaluation, BindContext context)
    {
        if (CheckpointRetention.WeightAveragingProblem(train, train.Epochs) is { } averaging)
            context.Report(DiagnosticCatalog.InvalidRange, spec.SpanOf("train.wa"), averaging);
        else if (CheckpointRetention.RetentionProblem(train) is { } retention)
            context.Report(DiagnosticCatalog.InvalidRange, spec.SpanOf("train.keep_checkpoints", "train.wa"), retention);
        if (!evaluation.Metrics.Contains(evaluation.MainMetric))
            context.Report(DiagnosticCatalog.MainMetricNotReported, spec.SpanOf("evaluation.main", "evaluation.metrics"),
                $"main metric '{evaluation.MainMetric}' is not in metrics [{string.Join(", ", evaluation.Metrics)}]; add it to the list");
        if (FoldPlaceholder.Problem(data) is { } folds)
            context.Report(DiagnosticCatalog.FoldsWithoutPlaceholder, spec.SpanOf("data.folds", "data.train", "data.eval"), folds);
    }
}
