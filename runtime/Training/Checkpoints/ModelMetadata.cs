using AstDsl.Model;
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

    /// <summary>The name of output <paramref name="index"/>, or "class N" when no label table was stored.</summary>
    public string LabelName(int index) =>
        Labels.FirstOrDefault(l => l.Index == index)?.DisplayName ?? $"class {index}";
}
