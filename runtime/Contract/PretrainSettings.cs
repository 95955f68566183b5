namespace AstDsl.Contract;

/// <summary>Initial weights (<c>model.pretrain</c>): kind and checkpoint path.</summary>
public sealed record PretrainSettings
{
    /// <summary>Where the weights come from.</summary>
    public PretrainKind Kind { get; init; } = PretrainKind.None;
    /// <summary>Checkpoint file as written in the spec (relative to its folder); null for none.</summary>
    public string? CheckpointPath { get; init; }
}
