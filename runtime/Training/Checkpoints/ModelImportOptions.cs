using AstDsl.Network;
using AstDsl.Training.Experiments;

namespace AstDsl.Training.Checkpoints;

/// <summary>
/// What an imported checkpoint (official AST <c>.pth</c>/<c>.safetensors</c>, Hugging Face folder) does not store and
/// the user may state. Each null value is derived from the tensors or the Hugging Face config, or defaults to the
/// official AudioSet recipe, and the import says which.
/// </summary>
public sealed record ModelImportOptions
{
    /// <summary>Frames of the training input (official AudioSet: 1024).</summary>
    public int? TargetLength { get; init; }
    /// <summary>Mel bins of the training input (128).</summary>
    public int? MelBins { get; init; }
    /// <summary>Frequency stride, when the position-embedding length leaves it ambiguous.</summary>
    public int? FStride { get; init; }
    /// <summary>Time stride, when the position-embedding length leaves it ambiguous.</summary>
    public int? TStride { get; init; }
    /// <summary>Attention heads (checkpoints do not store them; default: the DeiT/ViT preset for the width).</summary>
    public int? Heads { get; init; }
    /// <summary>class_labels_indices.csv with the display names of the outputs.</summary>
    public string? LabelCsv { get; init; }
    /// <summary>Fbank mean of the training data (default: the official AudioSet value).</summary>
    public double? Mean { get; init; }
    /// <summary>Fbank standard deviation of the training data (default: the official AudioSet value).</summary>
    public double? Std { get; init; }
    /// <summary>Output activation: <see cref="LossKind.Bce"/> (sigmoid, multi-label) or <see cref="LossKind.Ce"/> (softmax).</summary>
    public LossKind? Activation { get; init; }
    /// <summary>Numerical convention of the weights (default: Hugging Face for HF checkpoints, official otherwise).</summary>
    public WeightConvention? Convention { get; init; }
}
