namespace AstDsl.Training.Experiments;

/// <summary>Source of the initial weights.</summary>
public enum PretrainKind
{
    /// <summary>Random initialisation.</summary>
    None,
    /// <summary>A timm DeiT/ViT ImageNet state dict (.pth or .safetensors), transferred as in the paper.</summary>
    ImageNet,
    /// <summary>An official AST AudioSet checkpoint (base384, 12x101 grid), adapted to the new input and label count.</summary>
    AudioSet,
}

/// <summary>Initial weights: kind and checkpoint path.</summary>
public sealed record PretrainSettings
{
    /// <summary>Where the weights come from.</summary>
    public PretrainKind Kind { get; init; } = PretrainKind.None;
    /// <summary>Checkpoint file; required unless <see cref="Kind"/> is None.</summary>
    public string? CheckpointPath { get; init; }
}
