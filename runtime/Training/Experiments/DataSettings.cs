namespace AstDsl.Training.Experiments;

/// <summary>What to do with an unreadable audio file in a dataset.</summary>
public enum BadFilePolicy
{
    /// <summary>Stop the run with an error naming the file.</summary>
    Fail,
    /// <summary>Report the file, skip it, and count skipped files at the end.</summary>
    Skip,
}

/// <summary>Datasets in the official datafile format.</summary>
public sealed record DataSettings
{
    /// <summary>Training datafile (JSON <c>{"data": [{"wav", "labels"}]}</c>). For folds, may contain <c>{fold}</c>.</summary>
    public required string TrainFile { get; init; }
    /// <summary>Evaluation datafile; may contain <c>{fold}</c>.</summary>
    public required string EvalFile { get; init; }
    /// <summary>class_labels_indices.csv (index,mid,display_name).</summary>
    public required string LabelCsv { get; init; }
    /// <summary>Optional per-sample weight file for balanced sampling (official gen_weight_file output).</summary>
    public string? SampleWeightFile { get; init; }
    /// <summary>Cross-validation folds; empty for a single train/eval split.</summary>
    public IReadOnlyList<int> Folds { get; init; } = Array.Empty<int>();
    /// <summary>Unreadable files fail the run or are skipped.</summary>
    public BadFilePolicy OnBadFile { get; init; } = BadFilePolicy.Fail;
    /// <summary>Parallel loader workers; 0 means one per core.</summary>
    public int Workers { get; init; }
}
