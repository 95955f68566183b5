using System.Collections.Concurrent;
using AstDsl.Audio.Resampling;
using AstDsl.Audio.Wav;
using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Audio.Features;

/// <summary>
/// WAV file -> model input (target_length, mel_bins), step for step as the official AudiosetDataset without augmentation:
/// load, remove the mean, Kaldi fbank, pad with zero rows or cut, normalise (x - mean) / (2 std). The steps are public so
/// that augmentation can be inserted between them. Thread-safe; reuse one instance.
/// </summary>
public sealed class ClipPipeline : IDisposable
{
    private readonly ConcurrentDictionary<int, Lazy<SincResampler>> _resamplers = new();

    /// <summary>Creates the pipeline (official settings by default).</summary>
    public ClipPipeline(ClipPipelineOptions? options = null)
    {
        Options = options ?? new ClipPipelineOptions();
        Options.Validate();
        Fbank = new KaldiFbank(Options.Fbank);
    }

    /// <summary>The settings in use.</summary>
    public ClipPipelineOptions Options { get; }

    /// <summary>The filterbank (shared, cached constants).</summary>
    public KaldiFbank Fbank { get; }

    /// <summary>Mel bins of every output.</summary>
    public int MelBins => Options.Fbank.MelBins;

    /// <summary>Reads an audio file (WAV, FLAC, Ogg Vorbis, MP3) and applies resampling and the channel policy: a mono signal, mean-free unless <see cref="ClipPipelineOptions.RemoveWaveformMean"/> is off.</summary>
    /// <exception cref="AudioFormatException">The file cannot be decoded.</exception>
    public Waveform Load(string path) => Prepare(Codecs.AudioFile.Read(path));

    /// <summary>Resampling and channel policy applied to an already decoded clip; non-finite samples become 0.</summary>
    public Waveform Prepare(AudioClip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        using var scope = NewDisposeScope();
        var samples = clip.ToTensor();
        samples = nan_to_num(samples, 0, 0, 0); // a NaN or Inf sample must not poison a whole clip's features
        var rate = clip.SampleRate;
        if (Options.SampleRate is { } target && target != rate)
        {
            samples = ResamplerFor(rate, target).Apply(samples);
            rate = target;
        }
        var centre = Options.RemoveWaveformMean;
        var mono = Options.Channels switch
        {
            ChannelPolicy.OfficialFirstChannel => (centre ? RemoveMean(samples) : samples)[0],
            ChannelPolicy.DownmixMono => centre ? RemoveMean(samples.mean([0L])) : samples.mean([0L]),
            _ => throw new InvalidOperationException($"unknown channel policy {Options.Channels}"),
        };
        return new Waveform(mono.contiguous().MoveToOuterDisposeScope(), rate);
    }

    /// <summary>x - mean(x) over every element, as the official loader does before the fbank.</summary>
    public static Tensor RemoveMean(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        using var mean = x.mean();
        return x - mean;
    }

    /// <summary>Raw log-mel features (frames, mel bins) of a mono waveform.</summary>
    public Tensor Features(Waveform waveform)
    {
        ArgumentNullException.ThrowIfNull(waveform);
        return Fbank.Compute(waveform.Samples, waveform.SampleRate);
    }

    /// <summary>Zero rows appended at the end, or the first target_length frames kept: (target_length, mel bins).</summary>
    public Tensor PadOrCut(Tensor fbank)
    {
        ArgumentNullException.ThrowIfNull(fbank);
        var frames = fbank.shape[0];
        var target = Options.TargetLength;
        if (frames == target) return fbank.clone();
        if (frames > target)
            using (var head = fbank.narrow(0, 0, target))
                return head.clone();
        return nn.functional.pad(fbank, [0, 0, 0, target - frames]);
    }

    /// <summary>(x - mean) / (2 std) with the configured statistics, or a copy when normalisation is skipped.</summary>
    public Tensor Normalize(Tensor fbank)
    {
        ArgumentNullException.ThrowIfNull(fbank);
        return Options.SkipNormalization ? fbank.clone() : new FeatureNormalization(Options.NormMean, Options.NormStd).Apply(fbank);
    }

    /// <summary>The complete model input of one file: (target_length, mel bins) float32.</summary>
    public Tensor Process(string path)
    {
        using var waveform = Load(path);
        return Process(waveform);
    }

    /// <summary>The complete model input of a prepared waveform.</summary>
    public Tensor Process(Waveform waveform)
    {
        using var scope = NewDisposeScope();
        return Normalize(PadOrCut(Features(waveform))).MoveToOuterDisposeScope();
    }

    /// <summary>Frees cached filters.</summary>
    public void Dispose()
    {
        Fbank.Dispose();
        foreach (var lazy in _resamplers.Values)
            if (lazy.IsValueCreated) lazy.Value.Dispose();
        _resamplers.Clear();
    }

    private SincResampler ResamplerFor(int from, int to) =>
        _resamplers.GetOrAdd(from, _ => new Lazy<SincResampler>(() => new SincResampler(from, to))).Value;
}
