namespace AstDsl.Training.Checkpoints;

/// <summary>One row of class_labels_indices.csv: the output index, the machine id and the name shown to people.</summary>
/// <param name="Index">Output column of the model.</param>
/// <param name="Mid">Machine identifier (AudioSet /m/... or the dataset's own label).</param>
/// <param name="DisplayName">Human-readable name.</param>
public sealed record LabelInfo(int Index, string Mid, string DisplayName);
