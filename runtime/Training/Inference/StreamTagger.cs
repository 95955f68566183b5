using AstDsl.Audio.Streaming;

namespace AstDsl.Training.Inference;

/// <summary>
/// <c>astc tag --stream</c>: classifies each window of a PCM stream as soon as it is complete. The windows are those
/// of the offline sliding window (<see cref="WindowSchedule"/>) at the checkpoint's sample rate, and memory stays at one
/// window of frames.
/// </summary>
public static class StreamTagger
{
    /// <summary>Reads <paramref name="input"/> to its end, calling <paramref name="emit"/> once per window.</summary>
    public static void Run(ClipClassifier classifier, PcmStream input, WindowSchedule schedule, int top, Action<WindowPrediction> emit)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(emit);
        // Always at the model's rate: a stream has no "file rate" the model was trained on.
        using var features = new StreamingFeatures(classifier.Pipeline, schedule, input.Format.SampleRate, input.Format.Channels,
            classifier.Metadata.Features.SampleRate);
        while (input.Read() is { } samples) Emit(features.Push(samples));
        Emit(features.Finish());

        void Emit(IReadOnlyList<FbankWindow> windows)
        {
            foreach (var window in windows)
            {
                using (window)
                using (var probabilities = classifier.Probabilities([window.Features]))
                using (var row = probabilities[0])
                    emit(classifier.Window(window.StartFrame, schedule.Window, classifier.Best(row, top)));
            }
        }
    }
}
