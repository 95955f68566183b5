namespace AstDsl.Network.Checkpoints;

/// <summary>
/// The <c>preprocessor_config.json</c> of a Hugging Face AST folder (ASTFeatureExtractor): Kaldi fbank settings and
/// the normalisation statistics, which HF applies as (x - mean) / (2 std) like the official code. Unlike the official
/// loader, the HF extractor does not subtract the waveform mean before the fbank.
/// </summary>
public sealed record HuggingFaceFeatureConfig
{
    /// <summary>File name inside a Hugging Face model folder.</summary>
    public const string FileName = "preprocessor_config.json";

    /// <summary>Extractor class.</summary>
    public string FeatureExtractorType { get; init; } = "ASTFeatureExtractor";
    /// <summary>Channels of the raw input.</summary>
    public int FeatureSize { get; init; } = 1;
    /// <summary>Frames after padding/cutting.</summary>
    public int MaxLength { get; init; } = 1024;
    /// <summary>Mel bins.</summary>
    public int NumMelBins { get; init; } = 128;
    /// <summary>Expected sample rate in Hz.</summary>
    public int SamplingRate { get; init; } = 16000;
    /// <summary>Fbank mean subtracted by the normalisation.</summary>
    public double Mean { get; init; } = -4.2677393;
    /// <summary>Fbank standard deviation (divided by twice this).</summary>
    public double Std { get; init; } = 4.5689974;
    /// <summary>Whether the normalisation is applied.</summary>
    public bool DoNormalize { get; init; } = true;
    /// <summary>Where padding goes.</summary>
    public string PaddingSide { get; init; } = "right";
    /// <summary>Value of padded fbank rows.</summary>
    public double PaddingValue { get; init; }
    /// <summary>Whether the extractor returns an attention mask.</summary>
    public bool ReturnAttentionMask { get; init; }

    /// <summary>The feature config of <paramref name="folder"/>, or null when it has none.</summary>
    public static HuggingFaceFeatureConfig? ReadIfPresent(string folder)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) ? HuggingFaceJson.Read<HuggingFaceFeatureConfig>(path) : null;
    }

    /// <summary>Writes the file into <paramref name="folder"/>.</summary>
    public void Write(string folder) => HuggingFaceJson.Write(Path.Combine(folder, FileName), this);
}
