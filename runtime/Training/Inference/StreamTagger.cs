using AstDsl.Audio.Streaming;
using static TorchSharp.torch;

namespace AstDsl.Training.Inference;

/// <summary>
/// Classifies each window of a sample stream as soon as it is complete: <c>astc tag --stream</c> on a pipe, and
/// <c>astc infer</c>/<c>eval</c> on long files. The windows are those of the offline sliding window
/// (<see cref="WindowSchedule"/>), and memory stays at one window of frames and one model input.
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
        Score(classifier, input.Read, input.Format.SampleRate, input.Format.Channels, classifier.Metadata.Features.SampleRate, schedule,
            (start, probabilities) => emit(classifier.Window(start, schedule.Window, classifier.Best(probabilities, top))));
    }

    /// <summary>
    /// Reads planar chunks from <paramref name="read"/> until it returns null and calls <paramref name="emit"/> with each
    /// window's start frame and display probabilities (labels), which are freed after the call. Features are computed at
    /// <paramref name="sampleRate"/> (null: the front end's rate, or the input's when the model keeps file rates).
    /// </summary>
    public static void Score(ClipClassifier classifier, Func<float[]?> read, int inputRate, int channels, int? sampleRate,
        WindowSchedule schedule, Action<int, Tensor> emit)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(emit);
        using var features = new StreamingFeatures(classifier.Pipeline, schedule, inputRate, channels, sampleRate);
        while (read() is { } samples) Emit(features.Push(samples));
        Emit(features.Finish());

        void Emit(IReadOnlyList<FbankWindow> windows)
        {
            foreach (var window in windows)
            {
                using (window)
                using (var probabilities = classifier.Probabilities([window.Features]))
                using (var row = probabilities[0])
                    emit(window.StartFrame, row);
            }
        }
    }
}
