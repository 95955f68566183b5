using AstDsl.Dsl.Binding;
using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Loading;
using AstDsl.Dsl.Resolved;

namespace AstDsl.Dsl.Resolving;

/// <summary>
/// Warns (AST0024) about data files the spec names that do not exist: every fold's datafiles, the label CSV, the
/// sample weights and the pretrained checkpoint. A warning, not an error: a file may be made before the run.
/// Paths resolve as the runtime resolves them, against the folder of the spec that was checked.
/// </summary>
internal static class DataFileRules
{
    public static void Check(BoundSpec spec, string specPath, DataSettings data, PretrainSettings pretrain, Func<string, bool> fileExists, BindContext context)
    {
        var folds = data.Folds.Count == 0 ? new int?[] { null } : data.Folds.Select(fold => (int?)fold).ToArray();
        CheckFolds(spec, "data.train", data.TrainFile, folds, specPath, fileExists, context);
        CheckFolds(spec, "data.eval", data.EvalFile, folds, specPath, fileExists, context);
        CheckFolds(spec, "data.label_csv", data.LabelCsv, new int?[] { null }, specPath, fileExists, context);
        if (data.SampleWeightFile is { } weights) CheckFolds(spec, "data.sample_weights", weights, folds, specPath, fileExists, context);
        if (pretrain.CheckpointPath is { } checkpoint) CheckFolds(spec, "model.pretrain", checkpoint, new int?[] { null }, specPath, fileExists, context);
    }

    private static void CheckFolds(
        BoundSpec spec, string key, string path, int?[] folds, string specPath, Func<string, bool> fileExists, BindContext context)
    {
        // A path ending in '/' names a folder of audio files (a pretraining pool), not a file.
        if (path.Length == 0 || path.EndsWith("/", StringComparison.Ordinal)) return;
        var missing = folds
            .Select(fold => fold is { } number ? FoldPlaceholder.Substitute(path, number) : path)
            .Distinct()
            .Select(written => SpecPaths.Resolve(specPath, written))
            .Where(resolved => !fileExists(resolved))
            .ToList();
        if (missing.Count == 0) return;
        var shown = string.Join(", ", missing.Take(3).Select(file => $"'{file}'")) + (missing.Count > 3 ? $" and {missing.Count - 3} more" : "");
        context.Report(DiagnosticCatalog.DataFileMissing, spec.SpanOf(key),
            $"'{key}' names {shown}, which {(missing.Count == 1 ? "does" : "do")} not exist (yet); paths are relative to the spec's folder");
    }
}
