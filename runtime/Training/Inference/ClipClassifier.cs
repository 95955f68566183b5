using AstDsl.Audio.Features;
using AstDsl.Model;
using AstDsl.Model.Devices;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Data;
using AstDsl.Training.Evaluation;
using AstDsl.Training.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Training.Inference;

/// <summary>
/// Classifies audio files with a stored model (<c>astc infer</c>). A clip no longer than the model input is padded
/// as in training; a longer clip is cut into half-overlapping windows of the model input length, each classified,
/// and the clip score is the maximum over windows for a multi-label model (an event anywhere counts) or the mean
/// for a single-label one.
/// </summary>
public sealed class ClipClassifier : IDisposable
{
    private readonly AstNetwork _model;
    private readonly ClipPipeline _pipeline;
    private readonly Device _device;

    /// <summary>Loads a checkpoint (or a run folder's best weights).</summary>
    public ClipClassifier(string checkpoint, string device = "auto")
    {
        var loaded = TrainingCheckpoint.Load(ModelEvaluator.ResolveCheckpoint(checkpoint));
        Metadata = loaded.Metadata;
        _device = DeviceSelector.Resolve(device);
        _model = loaded.CreateModel();
        _model.to(_device);
        _pipeline = new ClipPipeline(FeatureOptions.ToPipeline(Metadata.Features));
    }

    /// <summary>Shape, features and labels of the loaded model.</summary>
    public ModelMetadata Metadata { get; }

    /// <summary>The <paramref name="top"/> best labels of <paramref name="wavPath"/>, and per window for long clips.</summary>
    public InferenceResult Classify(string wavPath, int top = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        using var scope = NewDisposeScope();
        using var waveform = _pipeline.Load(wavPath);
        var features = _pipeline.Features(waveform);
        var frames = (int)features.shape[0];
        var window = _pipeline.Options.TargetLength;
        var starts = SlidingWindows.Starts(frames, window);
        var inputs = stack(starts.Select(s => _pipeline.Normalize(_pipeline.PadOrCut(features[s..]))).ToArray());
        Tensor probabilities;
        using (no_grad())
            probabilities = LossFunction.DisplayProbabilities(Metadata.Loss, _model.forward(inputs.to(_device))).cpu();
        var clip = Metadata.Loss == LossKind.Ce ? probabilities.mean([0L]) : probabilities.max(0).values;
        var shift = Metadata.Features.FrameShiftMs / 1000.0;
        return new InferenceResult
        {
            File = Path.GetFullPath(wavPath),
            DurationSeconds = waveform.Samples.shape[0] / (double)waveform.SampleRate,
            Top = Best(clip, top),
            Windows = starts.Count == 1
                ? Array.Empty<WindowPrediction>()
                : starts.Select((s, i) => new WindowPrediction(s * shift, (s + window) * shift, Best(probabilities[i], top))).ToArray(),
        };
    }

    private IReadOnlyList<LabelScore> Best(Tensor scores, int top)
    {
        var values = scores.data<float>().ToArray();
        return values.Select((p, i) => new LabelScore(i, Metadata.LabelName(i), p))
            .OrderByDescending(s => s.Probability).ThenBy(s => s.Index).Take(top).ToArray();
    }

    /// <summary>Frees the model and the front end.</summary>
    public void Dispose()
    {
        _model.Dispose();
        _pipeline.Dispose();
    }
}
