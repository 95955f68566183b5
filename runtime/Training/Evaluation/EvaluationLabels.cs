using AstDsl.Audio.Data;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Errors;

namespace AstDsl.Training.Evaluation;

/// <summary>The label list an evaluation uses: the checkpoint's own, or a label CSV that must have one class per model output.</summary>
public static class EvaluationLabels
{
    /// <summary>
    /// The labels of <paramref name="labelCsv"/> (checked against the model's output count), or those stored in the
    /// checkpoint <paramref name="checkpoint"/> when no CSV is given.
    /// </summary>
    /// <exception cref="TrainingConfigurationException">The CSV's class count differs from the model's, or the checkpoint stores no labels.</exception>
    public static LabelMap Resolve(string? labelCsv, ModelMetadata metadata, string checkpoint)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var outputs = metadata.Model.LabelCount;
        if (labelCsv is null) return Stored(metadata, checkpoint);
        var labels = LabelMap.Load(labelCsv);
        if (labels.Count != outputs)
            throw new TrainingConfigurationException("labels",
                $"{labelCsv} lists {labels.Count} classes, but the model in {checkpoint} has {outputs} outputs; pass the label CSV " +
                $"it was trained with{(metadata.Labels.Count == outputs ? $", or leave out --labels to use the {outputs} labels stored in the checkpoint" : "")}.");
        return labels;
    }

    private static LabelMap Stored(ModelMetadata metadata, string checkpoint)
    {
        if (metadata.Labels.Count == 0)
            throw new TrainingConfigurationException("labels", $"{checkpoint} stores no label list; pass the label CSV (--labels class_labels_indices.csv).");
        var ordered = metadata.Labels.OrderBy(l => l.Index).ToArray();
        return new LabelMap(ordered.Select(l => l.Mid).ToArray(), ordered.Select(l => l.DisplayName).ToArray());
    }
}
