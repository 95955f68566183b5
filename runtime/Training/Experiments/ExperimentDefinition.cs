namespace AstDsl.Training.Experiments;

/// <summary>
/// One fully resolved experiment: what the generated code for a checked <c>.ast</c> spec hands to the runtime.
/// Paths are absolute or relative to <see cref="SpecDirectory"/>.
/// </summary>
public sealed record ExperimentDefinition
{
    /// <summary>Experiment name (the spec's <c>experiment</c> identifier).</summary>
    public required string Name { get; init; }
    /// <summary>Folder of the spec file; relative data and checkpoint paths resolve against it.</summary>
    public required string SpecDirectory { get; init; }
    /// <summary>The resolved spec as YAML, stored in every run directory.</summary>
    public required string ResolvedSpecYaml { get; init; }
    /// <summary>Network shape.</summary>
    public required AstOptions Model { get; init; }
    /// <summary>Where initial weights come from.</summary>
    public PretrainSettings Pretrain { get; init; } = new();
    /// <summary>Audio front end.</summary>
    public FeatureSettings Features { get; init; } = new();
    /// <summary>Datasets.</summary>
    public required DataSettings Data { get; init; }
    /// <summary>Augmentation.</summary>
    public AugmentSettings Augment { get; init; } = new();
    /// <summary>Optimisation.</summary>
    public TrainSettings Train { get; init; } = new();
    /// <summary>Evaluation and checkpoint selection.</summary>
    public EvaluationSettings Evaluation { get; init; } = new();
    /// <summary>The training step (clip pipeline, loss, optimiser, schedule) the generated code composed from the spec.</summary>
    public required TrainingRecipe Recipe { get; init; }
}
