namespace AstDsl.Contract;

/// <summary>
/// Initial weights (<c>model.pretrain</c>): kind and checkpoint path; and, for a self-supervised pretraining spec (a
/// <c>pretrain { }</c> block), the masked patch modeling it trains with.
/// </summary>
public sealed record PretrainSettings
{
    /// <summary>Where the weights come from.</summary>
    public PretrainKind Kind { get; init; } = PretrainKind.None;
    /// <summary>Checkpoint file as written in the spec (relative to its folder); null for none.</summary>
    public string? CheckpointPath { get; init; }
    /// <summary>
    /// <c>ssl(spec: "...")</c>: the pretraining spec that wrote the checkpoint, as written (relative to this spec's
    /// folder); the checker loads it to compare patch shapes. Null when not named.
    /// </summary>
    public string? SpecPath { get; init; }
    /// <summary>The <c>pretrain { }</c> block: this spec pretrains on unlabelled audio; null for a supervised spec.</summary>
    public MaskedPatchSettings? MaskedModeling { get; init; }
}

/// <summary>
/// SSAST's masked patch modeling (<c>pretrain { objective = ssl(mpc, mpg); masked_patches; cluster }</c>): patches are
/// replaced by a learned mask embedding, and the trunk learns to pick each masked patch among the clip's masked
/// patches (MPC, InfoNCE) and to reconstruct it (MPG, mean squared error). Defaults are SSAST's joint recipe.
/// </summary>
public sealed record MaskedPatchSettings
{
    /// <summary><c>ssl(mpc)</c>: weight of the discriminative loss (InfoNCE over the masked patches).</summary>
    public double MpcWeight { get; init; } = 1;
    /// <summary><c>ssl(mpg)</c>: weight of the generative loss (MSE reconstruction of the masked patches).</summary>
    public double MpgWeight { get; init; } = 10;
    /// <summary><c>masked_patches</c>: patches masked per clip (SSAST: 400 of 512); fewer than the model's patches.</summary>
    public int MaskedPatches { get; init; } = 400;
    /// <summary><c>cluster</c>: mask square clusters of 3x3 to 5x5 neighbouring patches (SSAST for square patches), else single patches.</summary>
    public bool Cluster { get; init; } = true;
}
