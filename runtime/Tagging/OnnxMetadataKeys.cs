namespace AstDsl.Tagging;

/// <summary>
/// The contract between <c>astc export</c> and the AstDsl.Tagging AudioTagger: the graph's tensor names and the metadata
/// property keys of an exported model. Compiled into both assemblies from this one file.
/// </summary>
internal static class OnnxMetadataKeys
{
    /// <summary>Graph input of a model exported with its front end: (batch, samples) mono float samples.</summary>
    public const string WaveformInput = "waveform";
    /// <summary>Graph input of a model exported without front end, and an extra output of one with it: (batch, frames, mel bins).</summary>
    public const string Features = "features";
    /// <summary>Graph output: (batch, labels) logits.</summary>
    public const string Logits = "logits";
    /// <summary>Graph output: (batch, width) clip embedding that feeds the classifier head.</summary>
    public const string Embedding = "embedding";

    /// <summary>Experiment name.</summary>
    public const string Experiment = "astdsl.experiment";
    /// <summary>JSON array of display names by output index.</summary>
    public const string Labels = "astdsl.labels";
    /// <summary>JSON array of label ids (AudioSet /m/... or the dataset's own) by output index.</summary>
    public const string LabelIds = "astdsl.label_ids";
    /// <summary><see cref="Sigmoid"/> (multi-label) or <see cref="Softmax"/> (single-label).</summary>
    public const string Activation = "astdsl.activation";
    /// <summary>Sample rate in Hz the front end expects.</summary>
    public const string SampleRate = "astdsl.sample_rate";
    /// <summary>Mel bins of the features.</summary>
    public const string MelBins = "astdsl.mel_bins";
    /// <summary>Frames of the features (target length).</summary>
    public const string TargetLength = "astdsl.target_length";
    /// <summary>Dataset fbank mean used by the normalisation (x - mean) / (2 std).</summary>
    public const string NormMean = "astdsl.norm_mean";
    /// <summary>Dataset fbank standard deviation used by the normalisation.</summary>
    public const string NormStd = "astdsl.norm_std";
    /// <summary>Kaldi window name (hanning, povey, hamming, rectangular, blackman).</summary>
    public const string Window = "astdsl.window";
    /// <summary>Frame length in milliseconds.</summary>
    public const string FrameLengthMs = "astdsl.frame_length_ms";
    /// <summary>Frame shift in milliseconds.</summary>
    public const string FrameShiftMs = "astdsl.frame_shift_ms";
    /// <summary><see cref="FirstChannel"/> (official) or <see cref="Downmix"/>: how a multi-channel file becomes mono.</summary>
    public const string Channels = "astdsl.channels";

    /// <summary>Value of <see cref="Activation"/> for multi-label models.</summary>
    public const string Sigmoid = "sigmoid";
    /// <summary>Value of <see cref="Activation"/> for single-label models.</summary>
    public const string Softmax = "softmax";
    /// <summary>Value of <see cref="Channels"/>: channel 0 (the official dataloader).</summary>
    public const string FirstChannel = "first";
    /// <summary>Value of <see cref="Channels"/>: the mean of all channels.</summary>
    public const string Downmix = "downmix";
}
