namespace AstDsl.Contract;

/// <summary>Audio front end (<c>features</c>), defaults as the official dataloader (Kaldi fbank, dataset normalisation).</summary>
public sealed record FeatureSettings
{
    /// <summary><c>sample_rate</c>: expected sample rate in Hz.</summary>
    public int SampleRate { get; init; } = 16000;
    /// <summary><c>mel_bins</c>: mel bins (the model's input rows).</summary>
    public int MelBins { get; init; } = 128;
    /// <summary><c>frame_length</c>: analysis window length in milliseconds.</summary>
    public double FrameLengthMs { get; init; } = 25;
    /// <summary><c>frame_shift</c>: hop in milliseconds.</summary>
    public double FrameShiftMs { get; init; } = 10;
    /// <summary><c>target_length</c>: frames per clip after padding/cutting (the model's input columns).</summary>
    public int TargetLength { get; init; } = 1024;
    /// <summary><c>mean</c>: dataset mean of the log-mel fbank (AudioSet's by default).</summary>
    public double NormMean { get; init; } = -4.2677393;
    /// <summary><c>std</c>: dataset standard deviation of the log-mel fbank (the input is (x - mean) / (2 std)).</summary>
    public double NormStd { get; init; } = 4.5689974;
    /// <summary><c>window</c>: analysis window.</summary>
    public WindowKind Window { get; init; } = WindowKind.Hanning;
    /// <summary><c>downmix</c>: average all channels instead of the official "channel 0 after a global mean".</summary>
    public bool Downmix { get; init; }
    /// <summary>
    /// Subtract the waveform mean before the fbank (official loader); false for weights from Hugging Face's feature
    /// extractor. Not a language key: specs always follow the official loader, imported checkpoints may not.
    /// </summary>
    public bool RemoveWaveformMean { get; init; } = true;
    /// <summary><c>resample</c>: resample files whose rate differs from <see cref="SampleRate"/> (the official code does not).</summary>
    public bool Resample { get; init; }
    /// <summary>
    /// <c>cache</c>: folder of the on-disk fbank cache (relative paths from the spec's folder), null when off (the
    /// default). <c>cache = on</c> means <see cref="DefaultCacheFolder"/>.
    /// </summary>
    public string? Cache { get; init; }

    /// <summary>
    /// The folder <c>cache = on</c> names, beside the spec: entries are keyed by file and front-end settings, not by run,
    /// so every run and fold of the specs in that folder shares them, and the second run starts warm.
    /// </summary>
    public const string DefaultCacheFolder = "feature-cache";
}
