using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Resolved;
using AstDsl.Dsl.Serialization;
using AstDsl.Training.Experiments;

namespace AstDsl.Hosting;

/// <summary>The result of loading a spec's generated experiment: the experiment, or why there is none.</summary>
/// <param name="Experiment">An instance of the generated class, or null.</param>
/// <param name="Spec">The spec as resolved at its real path, or null when it has errors.</param>
/// <param name="Diagnostics">Spec diagnostics (errors and warnings), positioned in the <c>.ast</c> files.</param>
/// <param name="CompilerErrors">C# compiler errors in the generated code (a generator bug or a stale runtime), as text.</param>
public sealed record ExperimentCompilation(
    IGeneratedExperiment? Experiment, ResolvedSpec? Spec, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> CompilerErrors)
{
    /// <summary>True when <see cref="Experiment"/> is available.</summary>
    public bool Succeeded => Experiment is not null;

    /// <summary>
    /// The experiment to run: the generated values with this spec's folder and YAML (its real path), so a spec
    /// copied elsewhere reads the data next to the copy even when the built class matches its hash.
    /// </summary>
    public ExperimentDefinition? Definition =>
        Experiment is { } experiment && Spec is { } spec ? experiment.CreateDefinition(spec.SpecDirectory, SpecYaml.Serialize(spec)) : null;
}
