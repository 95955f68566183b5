using AstDsl.Dsl.Text;

namespace AstDsl.Dsl.Resolved;

/// <summary>Datasets in the official datafile format; paths as written, relative to the spec's folder.</summary>
/// <param name="TrainFile">Training datafile.</param>
/// <param name="EvalFile">Evaluation datafile.</param>
/// <param name="LabelCsv">class_labels_indices.csv.</param>
/// <param name="SampleWeightFile">Per-sample weights for balanced sampling, or null.</param>
/// <param name="Folds">Cross-validation folds, empty for one split.</param>
/// <param name="OnBadFile">fail or skip.</param>
/// <param name="Workers">Loader workers, 0 for one per core.</param>
public sealed record DataSpec(
    string TrainFile, string EvalFile, string LabelCsv, string? SampleWeightFile, ValueList<int> Folds, string OnBadFile, int Workers);
