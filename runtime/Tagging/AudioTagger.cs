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
public sealed class AudioTagger : IDisposable
{
    private readonly InferenceSession _session;
    private readonly bool _downmix;

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
        WindowSamples = SampleRate * int.Parse(Get(OnnxMetadataKeys.TargetLength), CultureInfo.InvariantCulture) / 100;
        FrameSamples = (int)(SampleRate * double.Parse(Get(OnnxMetadataKeys.FrameLengthMs), CultureInfo.InvariantCulture) / 1000);
        _downmix = Get(OnnxMetadataKeys.Channels) == OnnxMetadataKeys.Downmix;
    }

    /// <summary>Display names by output index.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>True for a multi-label model (independent sigmoid scores), false for a single-label one (softmax).</summary>
    public bool IsMultiLabel { get; }

    /// <summary>The sample rate the model's front end expects, in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>Roughly how many samples (at <see cref="SampleRate"/>) the model looks at, for a 10 ms hop.</summary>
    public int WindowSamples { get; }

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

    /// <summary>The <paramref name="top"/> best labels of a WAV file, best first.</summary>
    public IReadOnlyList<TagScore> Classify(string wavPath, int top = 5) => Best(Scores(ReadWav(wavPath)), top);

    /// <summary>The <paramref name="top"/> best labels of mono samples in [-1, 1], best first.</summary>
    public IReadOnlyList<TagScore> Classify(float[] samples, int sampleRate, int top = 5) => Best(Scores(samples, sampleRate), top);

    /// <summary>Every label's probability (sigmoid or softmax as the model was trained), by output index.</summary>
    public float[] Scores(float[] samples, int sampleRate) => Activate(Run(samples, sampleRate, OnnxMetadataKeys.Logits));

    /// <summary>The clip embedding that feeds the classifier head (mean of class and distillation tokens).</summary>
    public float[] Embed(float[] samples, int sampleRate) => Run(samples, sampleRate, OnnxMetadataKeys.Embedding);

    /// <summary>The clip embedding of a WAV file.</summary>
    public float[] Embed(string wavPath)
    {
        var (samples, rate) = ReadWav(wavPath);
        return Embed(samples, rate);
    }

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose() => _session.Dispose();

    private float[] Scores((float[] Samples, int Rate) clip) => Scores(clip.Samples, clip.Rate);

    private (float[] Samples, int Rate) ReadWav(string wavPath)
    {
        var (channels, rate) = WavFile.Read(wavPath);
        if (!_downmix || channels.Length == 1) return (channels[0], rate); // the official loader keeps channel 0
        var mono = new float[channels[0].Length];
        for (var i = 0; i < mono.Length; i++) mono[i] = channels.Average(c => c[i]);
        return (mono, rate);
    }

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

    private float[] Activate(float[] logits)
    {
        if (IsMultiLabel) return logits.Select(x => 1f / (1f + MathF.Exp(-x))).ToArray();
        var max = logits.Max();
        var exp = logits.Select(x => MathF.Exp(x - max)).ToArray();
        var sum = exp.Sum();
        return exp.Select(e => e / sum).ToArray();
    }

    private IReadOnlyList<TagScore> Best(float[] scores, int top)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        return scores.Select((s, i) => new TagScore(i, i < Labels.Count ? Labels[i] : $"class {i}", s))
            .OrderByDescending(t => t.Score).ThenBy(t => t.Index).Take(top).ToArray();
    }
}
