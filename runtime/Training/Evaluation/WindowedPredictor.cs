using AstDsl.Audio.Data;
using AstDsl.Training.Inference;

namespace AstDsl.Training.Evaluation;

/// <summary>
/// Predictions for <c>astc eval --window/--hop</c>: every clip scored over its whole length by the sliding windows of
/// <c>astc infer</c> (maximum over windows for a multi-label model, mean for a single-label one) rather than by its first
/// model input.
/// </summary>
internal static class WindowedPredictor
{
    public static Predictions Predict(string checkpoint, ClipDataset dataset, EvaluationOptions options)
    {
        using var classifier = new ClipClassifier(checkpoint, options.Device, precision: options.Precision);
        var schedule = classifier.Schedule(options.Window, options.Hop);
        var classes = dataset.ClassCount;
        var scores = new float[dataset.Count * classes];
        var targets = new float[dataset.Count * classes];
        for (var row = 0; row < dataset.Count; row++)
        {
            var entry = dataset.Entries[row];
            var clip = classifier.ClipScores(entry.Wav, schedule);
            if (clip.Length != classes)
                throw new Errors.TrainingConfigurationException("labels", $"{checkpoint} has {clip.Length} outputs but the label list has {classes} classes.");
            clip.CopyTo(scores, row * classes);
            foreach (var label in entry.LabelIndices) targets[row * classes + label] = 1;
        }
        return new Predictions(scores, targets, dataset.Count, classes);
    }
}
