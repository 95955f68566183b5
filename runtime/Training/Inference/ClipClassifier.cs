using AstDsl.Audio.Features;
using AstDsl.Audio.Streaming;
using AstDsl.Network;
using AstDsl.Network.Devices;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Data;
using AstDsl.Training.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Training.Inference;

/// <summary>
/// Classifies audio files with a stored model (<c>astc infer</c>). A clip no longer than the model input is padded
/// as in training, except for a model with frequency/time position embeddings (PaSST), which runs it at its own length
/// on the first time embeddings; a longer clip is cut into half-overlapping windows of the model input length, each classified,
/// and the clip score is the maximum over windows for a multi-label model (an event anywhere counts) or the mean
/// for a single-label one.
/// </summary>
public sealed class ClipClassifier : IDisposable
{
    private readonly AstNetwork _model;
    private readonly ClipPipeline _pipeline;
    private readonly Device _device;

    /// <summary>
    /// Loads a checkpoint (or a run folder's best weights, or a released AST/Hugging Face checkpoint, see
    /// <see cref="ModelSource"/>) onto <paramref name="device"/>, computing its products in <paramref name="precision"/>.
    /// </summary>
    public ClipClassifier(string checkpoint, string device = "auto", ModelImportOptions? import = null, Precision precision = Precision.Fp32)
    {
        var loaded = ModelSource.Load(checkpoint, import);
        Metadata = loaded.Metadata;
        _device = DeviceSelector.Resolve(device);
        _model = loaded.CreateModel();
        _model.PlaceForInference(_device, precision);
        PrecisionWarning = HalfPrecisionSupport.SlowdownWarning(precision, _device);
        _pipeline = new ClipPipeline(FeatureOptions.ToPipeline(Metadata.Features));
    }

    /// <summary>Why the chosen precision is slower than fp32 on this device, or null.</summary>
    public string? PrecisionWarning { get; }

    /// <summary>Shape, features and labels of the loaded model.</summary>
    public ModelMetadata Metadata { get; }

    /// <summary>The loaded model (for embeddings).</summary>
    public AstNetwork Model => _model;

    /// <summary>Where the model computes.</summary>
    public Device Device => _device;

    /// <summary>The front end (model input length, rates, normalisation).</summary>
    public ClipPipeline Pipeline => _pipeline;

    /// <summary>
    /// The <paramref name="top"/> best labels of <paramref name="wavPath"/>, and per window for long clips: windows of
    /// <paramref name="window"/> frames (default and maximum: the model input, shorter ones are zero-padded) every
    /// <paramref name="hop"/> frames (default: half a window).
    /// </summary>
    public InferenceResult Classify(string wavPath, int top = 5, int? window = null, int? hop = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var schedule = Schedule(window, hop);
        using var scope = NewDisposeScope();
        var (probabilities, starts, seconds, warnings) = Score(wavPath, schedule);
        return new InferenceResult
        {
            File = Path.GetFullPath(wavPath),
            DurationSeconds = seconds,
            Top = Best(Aggregate(probabilities), top),
            Warnings = warnings,
            Windows = starts.Count == 1
                ? Array.Empty<WindowPrediction>()
                : starts.Select((s, i) => Window(s, schedule.Window, Best(probabilities[i], top))).ToArray(),
        };
    }

    /// <summary>Clip probabilities (labels) of a file scored window by window, as <see cref="Classify"/> aggregates them.</summary>
    public float[] ClipScores(string wavPath, WindowSchedule schedule)
    {
        using var scope = NewDisposeScope();
        return Aggregate(Score(wavPath, schedule).Probabilities).data<float>().ToArray();
    }

    // Window probabilities (windows, labels), window starts, the clip's duration in seconds and what makes its audio
    // suspect. Windows are computed, scored and released as the file is read, so a long recording needs the memory of
    // one model input, not of all its features and windows at once.
    private (Tensor Probabilities, IReadOnlyList<int> Starts, double Seconds, IReadOnlyList<string> Warnings) Score(string wavPath, WindowSchedule schedule)
    {
        using var audio = AudioFileChunks.Open(wavPath);
        var check = new InputAudioCheck(wavPath, audio.SampleRate, _pipeline.Options);
        var starts = new List<int>();
        var rows = new List<float[]>();
        void Collect(int start, Tensor probabilities)
        {
            starts.Add(start);
            rows.Add(probabilities.data<float>().ToArray());
        }
        // Checkpoints always carry the official framing (snip_edges, per-frame DC removal), which a stream reproduces to float rounding.
        StreamTagger.Score(this, () => check.Add(audio.Read()), audio.SampleRate, audio.Channels, null, schedule, Collect);
        var warnings = check.Warnings();
        var probabilities = stack(rows.Select(r => tensor(r)).ToArray());
        return (probabilities, starts, audio.Frames / (double)audio.SampleRate, warnings);
    }

    // An event anywhere counts for a multi-label model (maximum over windows); a single-label one averages.
    private Tensor Aggregate(Tensor probabilities) =>
        Metadata.Loss == LossKind.Ce ? probabilities.mean([0L]) : probabilities.max(0).values;

    /// <summary>Windows of <paramref name="window"/> frames (at most the model input) every <paramref name="hop"/> frames.</summary>
    public WindowSchedule Schedule(int? window = null, int? hop = null)
    {
        var length = window ?? _pipeline.Options.TargetLength;
        if (length > _pipeline.Options.TargetLength)
            throw new ArgumentException($"--window {length}: the model takes at most {_pipeline.Options.TargetLength} frames; use that or fewer.");
        return hop is { } h ? new WindowSchedule(length, h) : WindowSchedule.HalfOverlap(length);
    }

    /// <summary>Display probabilities (windows, labels) on the CPU of raw fbank windows, each padded to the model input and normalised.</summary>
    public Tensor Probabilities(IEnumerable<Tensor> rawWindows)
    {
        using var scope = NewDisposeScope();
        var inputs = stack(rawWindows.Select(w => _pipeline.Normalize(Fit(w))).ToArray());
        using (no_grad())
            return LossFunction.DisplayProbabilities(Metadata.Loss, _model.forward(inputs.to(_device))).cpu().MoveToOuterDisposeScope();
    }

    private Tensor Fit(Tensor window) => _model.RunsAtOwnLength(window.shape[0]) ? window.clone() : _pipeline.PadOrCut(window);

    /// <summary>The prediction of one window starting at frame <paramref name="start"/>.</summary>
    public WindowPrediction Window(long start, int frames, IReadOnlyList<LabelScore> top)
    {
        var shift = Metadata.Features.FrameShiftMs / 1000.0;
        return new WindowPrediction(start * shift, (start + frames) * shift, top);
    }

    /// <summary>The <paramref name="top"/> highest of one row of probabilities, with display names.</summary>
    public IReadOnlyList<LabelScore> Best(Tensor scores, int top)
    {
        ArgumentNullException.ThrowIfNull(scores);
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
