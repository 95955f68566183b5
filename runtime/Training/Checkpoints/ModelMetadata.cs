using AstDsl.Network;
using AstDsl.Training.Experiments;

namespace AstDsl.Training.Checkpoints;

/// <summary>What a checkpoint carries so that the model can be rebuilt and used without the spec: shape, features, labels, loss.</summary>
public sealed record ModelMetadata
{
    /// <summary>Experiment that produced the weights.</summary>
    public required string Experiment { get; init; }
    /// <summary>Network shape.</summary>
    public required AstOptions Model { get; init; }
    /// <summary>Audio front end the model was trained with.</summary>
    public FeatureSettings Features { get; init; } = new();
    /// <summary>Class names by output index.</summary>
    public IReadOnlyList<LabelInfo> Labels { get; init; } = Array.Empty<LabelInfo>();
    /// <summary>Training loss, which tells whether outputs are multi-label (sigmoid) or single-label (softmax).</summary>
    public LossKind Loss { get; init; } = LossKind.Bce;
    /// <summary>For imported weights: where they came from and every value that was derived or assumed rather than stored.</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

    /// <summary>One line saying which numerical convention the model runs with (LayerNorm epsilons, waveform mean removal).</summary>
    public string ConventionSummary() => string.Format(System.Globalization.CultureInfo.InvariantCulture,
        "numerics: {0} (LayerNorm eps {1:G} backbone / {2:G} head; waveform mean {3} before the fbank)",
        Model.Convention == WeightConvention.HuggingFace ? "Hugging Face" : "official AST", Model.BackboneLayerNormEps,
        Model.HeadLayerNormEps, Features.RemoveWaveformMean ? "removed" : "kept");

    /// <summary>The name of output <paramref name="index"/>, or "class N" when no label table was stored.</summary>
    public string LabelName(int index) =>
        Labels.FirstOrDefault(l => l.Index == index)?.DisplayName ?? $"class {index}";
}
