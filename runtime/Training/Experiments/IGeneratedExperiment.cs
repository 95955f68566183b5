using AstDsl.Network;

namespace AstDsl.Training.Experiments;

/// <summary>
/// What the source generator emits for each <c>.ast</c> spec: the typed model factory and the resolved
/// experiment. The class is marked with <see cref="GeneratedExperimentAttribute"/> so <c>astc</c> can find it.
/// </summary>
public interface IGeneratedExperiment
{
    /// <summary>The spec's experiment name.</summary>
    string Name { get; }
    /// <summary>SHA-256 (hex) of the spec text and every spec it extends; tells whether the built code is stale.</summary>
    string SpecHash { get; }
    /// <summary>
    /// The resolved experiment for a spec in <paramref name="specDirectory"/>. Generated code holds no machine paths:
    /// whoever loads the spec (the CLI) knows where it lies, and relative data paths resolve against that folder.
    /// </summary>
    /// <param name="specDirectory">Folder of the spec file being run.</param>
    /// <param name="resolvedSpecYaml">The resolved spec as YAML, recording that spec's real path (stored in every run).</param>
    ExperimentDefinition CreateDefinition(string specDirectory, string resolvedSpecYaml);
    /// <summary>A freshly initialised model of the spec's shape.</summary>
    AstNetwork CreateModel();
    /// <summary>The spec's training step: clip pipeline, loss, optimiser and schedule, composed of runtime pieces.</summary>
    TrainingRecipe CreateTrainingRecipe();
}

/// <summary>Marks a generated experiment class.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GeneratedExperimentAttribute : Attribute
{
    /// <summary>Marks the class as the experiment called <paramref name="name"/>.</summary>
    public GeneratedExperimentAttribute(string name) => Name = name;

    /// <summary>The experiment name.</summary>
    public string Name { get; }
}
