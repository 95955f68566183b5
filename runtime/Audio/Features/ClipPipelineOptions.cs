namespace AstDsl.Audio.Features;

/// <summary>
/// Settings of the path from a WAV file to a model input, defaulting to the official AudiosetDataset without augmentation
/// (AudioSet normalisation statistics, 1024 frames, channel 0 after global mean removal, no resampling).
/// </summary>
public sealed record ClipPipelineOptions
{
    /// <summary>AudioSet fbank mean used by the official recipes.</summary>
    public const float AudioSetMean = -4.2677393f;
    /// <summary>AudioSet fbank standard deviation used by the official recipes.</summary>
    public const float AudioSetStd = 4.5689974f;

    /// <summary>Filterbank settings.</summary>
    public FbankOptions Fbank { get; init; } = FbankOptions.Official;
    /// <summary>Frames of the model input: longer clips are cut, shorter ones padded with zero rows at the end.</summary>
    public int TargetLength { get; init; } = 1024;
    /// <summary>Channel handling for multi-channel files.</summary>
    public ChannelPolicy Channels { get; init; } = ChannelPolicy.OfficialFirstChannel;
    /// <summary>Resample every file to this rate first; null keeps each file's own rate, as the official code does.</summary>
    public int? SampleRate { get; init; }
    /// <summary>
    /// The rate the experiment declares (features.sample_rate), used to name the odd clip when two clips of different
    /// rates meet without resampling; null when unknown.
    /// </summary>
    public int? ExpectedSampleRate { get; init; }
    /// <summary>Dataset fbank mean subtracted by the normalisation.</summary>
    public float NormMean { get; init; } = AudioSetMean;
    /// <summary>Dataset fbank standard deviation; the official normalisation divides by twice this value.</summary>
    public float NormStd { get; init; } = AudioSetStd;
    /// <summary>
    /// Subtract the waveform's mean before the fbank, as the official loader does (true); Hugging Face's
    /// ASTFeatureExtractor does not (false), so weights trained through it expect the mean kept.
    /// </summary>
    public bool RemoveWaveformMean { get; init; } = true;
    /// <summary>Return raw (padded) log-mel values, as the official skip_norm used when computing statistics.</summary>
    public bool SkipNormalization { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (TargetLength < 1) throw new ArgumentException($"features.target_length must be at least 1 frame, got {TargetLength}");
        if (SampleRate is <= 0) throw new ArgumentException($"features.sample_rate must be positive, got {SampleRate}");
        if (FeatureNormalization.Problem(NormMean, NormStd) is { } normalization) throw new ArgumentException(normalization);
    }
}
