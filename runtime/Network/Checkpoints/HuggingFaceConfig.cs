using System.Globalization;
using System.Text.Json.Serialization;

namespace AstDsl.Network.Checkpoints;

/// <summary>
/// The <c>config.json</c> of a Hugging Face <c>ASTForAudioClassification</c> (ASTConfig): the fields that fix the
/// model, defaulting to ASTConfig's defaults, plus the label names. AstDsl adds <c>astdsl_convention</c> when it exports
/// weights that follow the official numerics, so that importing them back restores the official LayerNorm epsilons.
/// </summary>
public sealed record HuggingFaceConfig
{
    /// <summary>Model classes the weights load into.</summary>
    public IReadOnlyList<string> Architectures { get; init; } = ["ASTForAudioClassification"];
    /// <summary>Hugging Face model type.</summary>
    public string ModelType { get; init; } = "audio-spectrogram-transformer";
    /// <summary>Embedding width.</summary>
    public int HiddenSize { get; init; } = 768;
    /// <summary>Transformer blocks.</summary>
    public int NumHiddenLayers { get; init; } = 12;
    /// <summary>Attention heads.</summary>
    public int NumAttentionHeads { get; init; } = 12;
    /// <summary>MLP hidden width.</summary>
    public int IntermediateSize { get; init; } = 3072;
    /// <summary>MLP activation (exact GELU).</summary>
    public string HiddenAct { get; init; } = "gelu";
    /// <summary>Dropout after projections.</summary>
    public double HiddenDropoutProb { get; init; }
    /// <summary>Dropout on attention weights.</summary>
    public double AttentionProbsDropoutProb { get; init; }
    /// <summary>Std of the initialisation.</summary>
    public double InitializerRange { get; init; } = 0.02;
    /// <summary>Epsilon of every LayerNorm in the Hugging Face model.</summary>
    public double LayerNormEps { get; init; } = AstOptions.HuggingFaceLayerNormEps;
    /// <summary>Square patch side.</summary>
    public int PatchSize { get; init; } = 16;
    /// <summary>Whether q/k/v have biases (always true for AST).</summary>
    public bool QkvBias { get; init; } = true;
    /// <summary>Patch stride along frequency.</summary>
    public int FrequencyStride { get; init; } = 10;
    /// <summary>Patch stride along time.</summary>
    public int TimeStride { get; init; } = 10;
    /// <summary>Input frames.</summary>
    public int MaxLength { get; init; } = 1024;
    /// <summary>Input mel bins.</summary>
    public int NumMelBins { get; init; } = 128;
    /// <summary>Label names by output index (keys are the index as text).</summary>
    [JsonPropertyName("id2label")]
    public IReadOnlyDictionary<string, string>? Id2Label { get; init; }
    /// <summary>Output index by label name.</summary>
    [JsonPropertyName("label2id")]
    public IReadOnlyDictionary<string, int>? Label2Id { get; init; }
    /// <summary><c>multi_label_classification</c> (sigmoid) or <c>single_label_classification</c> (softmax), if set.</summary>
    public string? ProblemType { get; init; }
    /// <summary>Set by AstDsl to "official" for weights that follow the official LayerNorm epsilons; absent in Hugging Face's own files.</summary>
    [JsonPropertyName("astdsl_convention")]
    public string? AstDslConvention { get; init; }

    /// <summary>The value of <see cref="AstDslConvention"/> for official-convention weights.</summary>
    public const string OfficialConventionMarker = "official";
    /// <summary><see cref="ProblemType"/> of a multi-label (sigmoid) classifier.</summary>
    public const string MultiLabel = "multi_label_classification";
    /// <summary><see cref="ProblemType"/> of a single-label (softmax) classifier.</summary>
    public const string SingleLabel = "single_label_classification";

    /// <summary>The numerics the weights follow: Hugging Face's unless AstDsl marked them official.</summary>
    [JsonIgnore]
    public WeightConvention Convention =>
        AstDslConvention == OfficialConventionMarker ? WeightConvention.Official : WeightConvention.HuggingFace;

    /// <summary>The label names in output order, or null when the config has none (or only HF's LABEL_i placeholders).</summary>
    public IReadOnlyList<string>? LabelNames(int count)
    {
        if (Id2Label is null || Id2Label.Count != count) return null;
        var names = Enumerable.Range(0, count).Select(i => Id2Label.GetValueOrDefault(i.ToString(CultureInfo.InvariantCulture)))
            .OfType<string>().ToArray();
        return names.Length != count || names.All(n => n.StartsWith("LABEL_", StringComparison.Ordinal)) ? null : names;
    }

    /// <summary>Reads <c>config.json</c> of <paramref name="folder"/>.</summary>
    public static HuggingFaceConfig Read(string folder) =>
        HuggingFaceJson.Read<HuggingFaceConfig>(Path.Combine(folder, StateDictProbe.HuggingFaceConfigFile));

    /// <summary>Writes <c>config.json</c> into <paramref name="folder"/>.</summary>
    public void Write(string folder) => HuggingFaceJson.Write(Path.Combine(folder, StateDictProbe.HuggingFaceConfigFile), this);

    /// <summary>The config of a model of shape <paramref name="options"/> with the given label names and activation.</summary>
    public static HuggingFaceConfig From(AstOptions options, IReadOnlyList<string> labelNames, bool multiLabel) => new()
    {
        HiddenSize = options.Width, NumHiddenLayers = options.Depth, NumAttentionHeads = options.Heads,
        IntermediateSize = options.Width * options.MlpRatio, PatchSize = options.FPatch,
        FrequencyStride = options.FStride, TimeStride = options.TStride, MaxLength = options.InputTDim, NumMelBins = options.InputFDim,
        // HF has one eps for every LayerNorm: the backbone's (the official head's 1e-5 cannot be expressed).
        LayerNormEps = options.BackboneLayerNormEps,
        AstDslConvention = options.Convention == WeightConvention.Official ? OfficialConventionMarker : null,
        ProblemType = multiLabel ? MultiLabel : SingleLabel,
        Id2Label = labelNames.Select((n, i) => (n, i)).ToDictionary(p => p.i.ToString(CultureInfo.InvariantCulture), p => p.n),
        Label2Id = labelNames.Select((n, i) => (n, i)).DistinctBy(p => p.n).ToDictionary(p => p.n, p => p.i),
    };
}
