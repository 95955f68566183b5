namespace AstDsl.Contract;

/// <summary>Datasets in the official datafile format (<c>data</c>); paths as written, relative to the spec's folder.</summary>
public sealed record DataSettings
{
    /// <summary><c>train</c>: training datafile (JSON <c>{"data": [{"wav", "labels"}]}</c>); may contain <c>{fold}</c>.</summary>
    public string TrainFile { get; init; } = "";
    /// <summary><c>eval</c>: evaluation datafile; may contain <c>{fold}</c>.</summary>
    public string EvalFile { get; init; } = "";
    /// <summary><c>label_csv</c>: class_labels_indices.csv (index,mid,display_name).</summary>
    public string LabelCsv { get; init; } = "";
    /// <summary><c>sample_weights</c>: per-sample weights for balanced sampling (official gen_weight_file output), or null.</summary>
    public string? SampleWeightFile { get; init; }
    /// <summary><c>folds</c>: cross-validation folds; empty for a single train/eval split.</summary>
    public IReadOnlyList<int> Folds { get; init; } = Array.Empty<int>();
    /// <summary><c>on_bad_file</c>: unreadable files fail the run or are skipped.</summary>
    public BadFilePolicy OnBadFile { get; init; } = BadFilePolicy.Fail;
    /// <summary><c>workers</c>: parallel loader workers; 0 means one per core.</summary>
    public int Workers { get; init; }
}
