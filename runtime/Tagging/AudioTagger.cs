using System.Globalization;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace AstDsl.Tagging;

/// <summary>
/// Tags audio with an Audio Spectrogram Transformer exported by <c>astc export RUN --onnx model.onnx --frontend</c>,
/// through ONNX Runtime alone (no TorchSharp, no libtorch). The model carries its own Kaldi fbank front end, labels
/// and activation; like the official dataloader it reads the first target-length frames of a clip (10.24 s for the
/// AudioSet models) and pads shorter ones. Input at another sample rate is resampled with <see cref="Resampler"/>.
/// Thread-safe: one instance can serve concurrent calls.
/// </summary>
/// <example>
/// <code>
/// using var tagger = AudioTagger.Load("model.onnx");
/// foreach (var tag in tagger.Classify("clip.wav", top: 3))
///     Console.WriteLine($"{tag.Label}: {tag.Score:F3}");
/// </code>
/// </example>
public sealed class AudioTagger : IAudioTagger
{
    private readonly InferenceSession _session;

    private AudioTagger(InferenceSession session, string path)
    {
        _session = session;
        if (!session.InputMetadata.ContainsKey(OnnxMetadataKeys.WaveformInput))
            throw new InvalidDataException(
                $"{path} was exported without its front end (its input is '{string.Join(", ", session.InputMetadata.Keys)}'); export it again with: astc export RUN --onnx {Path.GetFileName(path)} --frontend");
        var meta = session.ModelMetadata.CustomMetadataMap;
        string Get(string key) => meta.TryGetValue(key, out var value)
            ? value
            : throw new InvalidDataException($"{path} has no '{key}' metadata; it was not written by astc export.");
        Labels = JsonSerializer.Deserialize<string[]>(Get(OnnxMetadataKeys.Labels)) ?? [];
        IsMultiLabel = Get(OnnxMetadataKeys.Activation) == OnnxMetadataKeys.Sigmoid;
        SampleRate = int.Parse(Get(OnnxMetadataKeys.SampleRate), CultureInfo.InvariantCulture);
        FrameSamples = (int)(SampleRate * double.Parse(Get(OnnxMetadataKeys.FrameLengthMs), CultureInfo.InvariantCulture) / 1000);
        Downmix = Get(OnnxMetadataKeys.Channels) == OnnxMetadataKeys.Downmix;
    }

    /// <summary>Display names by output index.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>True for a multi-label model (independent sigmoid scores), false for a single-label one (softmax).</summary>
    public bool IsMultiLabel { get; }

    /// <summary>The sample rate the model's front end expects, in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>The shortest clip that yields a frame, in samples at <see cref="SampleRate"/>.</summary>
    public int FrameSamples { get; }

    /// <summary>Opens an exported model.</summary>
    /// <param name="path">An <c>.onnx</c> file written by <c>astc export ... --frontend</c>.</param>
    /// <param name="options">ONNX Runtime session options (threads, execution provider); null for the defaults.</param>
    /// <exception cref="InvalidDataException">The file is not such a model; the message says how to make one.</exception>
    public static AudioTagger Load(string path, SessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(".astckpt", StringComparison.OrdinalIgnoreCase) || Directory.Exists(path))
            throw new InvalidDataException(
                $"{path} is an astc checkpoint or run; this package runs ONNX models without libtorch. Export it first: astc export {path} --onnx model.onnx --frontend");
        if (!File.Exists(path)) throw new FileNotFoundException($"model {path} does not exist.", path);
        var session = options is null ? new InferenceSession(path) : new InferenceSession(path, options);
        try
        {
            return new AudioTagger(session, path);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>True when a multi-channel file is averaged to mono (the model was trained with downmix), false for channel 0.</summary>
    public bool Downmix { get; }

    /// <inheritdoc />
    public float[] Scores(float[] samples, int sampleRate) =>
        AudioTaggerExtensions.Activate(Run(samples, sampleRate, OnnxMetadataKeys.Logits), IsMultiLabel);

    /// <inheritdoc />
    public float[] Embed(float[] samples, int sampleRate) => Run(samples, sampleRate, OnnxMetadataKeys.Embedding);

    /// <inheritdoc />
    public (float[] Samples, int SampleRate) ReadWav(string wavPath) => WavFile.ReadMono(wavPath, Downmix);

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose() => _session.Dispose();

    private float[] Run(float[] samples, int sampleRate, string output)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var input = sampleRate == SampleRate ? samples : Resampler.Resample(samples, sampleRate, SampleRate);
        if (input.Length < FrameSamples)
            throw new ArgumentException(
                $"the clip has {input.Length} samples at {SampleRate} Hz, fewer than one {FrameSamples}-sample analysis frame.", nameof(samples));
        var tensor = new DenseTensor<float>(input, [1, input.Length]);
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(OnnxMetadataKeys.WaveformInput, tensor)], [output]);
        return results[0].AsTensor<float>().ToArray();
    }
}
