namespace AstDsl.Training.Experiments;

/// <summary>Audio front end, as the official dataloader (Kaldi fbank, normalised with dataset statistics).</summary>
public sealed record FeatureSettings
{
    /// <summary>Expected sample rate in Hz.</summary>
    public int SampleRate { get; init; } = 16000;
    /// <summary>Mel bins (must equal the model's InputFDim).</summary>
    public int MelBins { get; init; } = 128;
    /// <summary>Analysis window length in milliseconds.</summary>
    public double FrameLengthMs { get; init; } = 25;
    /// <summary>Hop in milliseconds.</summary>
    public double FrameShiftMs { get; init; } = 10;
    /// <summary>Frames per clip after padding/cutting (must equal the model's InputTDim).</summary>
    public int TargetLength { get; init; } = 1024;
    /// <summary>Dataset mean of the log-mel fbank.</summary>
    public double NormMean { get; init; } = -4.2677393;
    /// <summary>Dataset standard deviation of the log-mel fbank (the input is (x - mean) / (2 std)).</summary>
    public double NormStd { get; init; } = 4.5689974;
    /// <summary>Window: hanning (official), hamming or povey.</summary>
    public string Window { get; init; } = "hanning";
    /// <summary>Average all channels instead of the official "channel 0 after a global mean".</summary>
    public bool Downmix { get; init; }
    /// <summary>Subtract the waveform mean before the fbank (official loader); false for weights from Hugging Face's feature extractor.</summary>
    public bool RemoveWaveformMean { get; init; } = true;
    /// <summary>Resample files whose rate differs from <see cref="SampleRate"/> (the official code does not).</summary>
    public bool Resample { get; init; }
}
