using AstDsl.Audio.Features;
using AstDsl.Audio.Wav;
using AstDsl.Network;
using AstDsl.Network.Devices;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Data;
using AstDsl.Training.Evaluation;
using AstDsl.Training.Experiments;
using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Tagging.Torch;

/// <summary>
/// <see cref="IAudioTagger"/> over an astc checkpoint (an <c>.astckpt</c> file or a run folder's best weights, loaded
/// as <c>astc infer</c> loads them) through TorchSharp. It reads, resamples and scores a clip exactly as
/// <see cref="AudioTagger"/> does an exported model: the first target-length frames, padded when shorter.
/// </summary>
public sealed class TorchAudioTagger : IAudioTagger
{
    private readonly AstModel _model;
    private readonly ClipPipeline _pipeline;
    private readonly Device _device;
    private readonly bool _downmix;

    private TorchAudioTagger(LoadedCheckpoint loaded, string device)
    {
        var metadata = loaded.Metadata;
        _device = DeviceSelector.Resolve(device);
        _model = loaded.CreateModel();
        _model.to(_device);
        _pipeline = new ClipPipeline(FeatureOptions.ToPipeline(metadata.Features));
        _downmix = metadata.Features.Downmix;
        Labels = Enumerable.Range(0, metadata.Model.LabelCount).Select(metadata.LabelName).ToArray();
        IsMultiLabel = metadata.Loss != LossKind.Ce;
        SampleRate = metadata.Features.SampleRate;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Labels { get; }

    /// <inheritdoc />
    public bool IsMultiLabel { get; }

    /// <inheritdoc />
    public int SampleRate { get; }

    /// <summary>Loads a checkpoint file or a run folder's best weights.</summary>
    /// <param name="checkpointOrRun">An <c>.astckpt</c> written by astc run, or its run directory.</param>
    /// <param name="device">auto, cpu, cuda or cuda:N.</param>
    public static TorchAudioTagger Load(string checkpointOrRun, string device = "cpu") =>
        new(TrainingCheckpoint.Load(ModelEvaluator.ResolveCheckpoint(checkpointOrRun)), device);

    /// <inheritdoc />
    public float[] Scores(float[] samples, int sampleRate) =>
        AudioTaggerExtensions.Activate(Run(samples, sampleRate, _model.forward), IsMultiLabel);

    /// <inheritdoc />
    public float[] Embed(float[] samples, int sampleRate) => Run(samples, sampleRate, _model.Pool);

    /// <inheritdoc />
    public (float[] Samples, int SampleRate) ReadWav(string wavPath) => WavFile.ReadMono(wavPath, _downmix);

    /// <summary>Frees the model and the front end.</summary>
    public void Dispose()
    {
        _model.Dispose();
        _pipeline.Dispose();
    }

    private float[] Run(float[] samples, int sampleRate, Func<Tensor, Tensor> head)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var input = sampleRate == SampleRate ? samples : Resampler.Resample(samples, sampleRate, SampleRate);
        using var scope = NewDisposeScope();
        using var waveform = _pipeline.Prepare(new AudioClip(input, 1, SampleRate));
        using var noGrad = no_grad();
        var features = _pipeline.Process(waveform).unsqueeze(0).to(_device);
        return head(features).cpu()[0].data<float>().ToArray();
    }
}
