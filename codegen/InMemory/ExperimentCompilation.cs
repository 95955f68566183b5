using AstDsl.Dsl.Diagnostics;
using AstDsl.Training.Experiments;

namespace AstDsl.CodeGen.InMemory;

/// <summary>The result of compiling a spec in memory: the experiment, or why there is none.</summary>
/// <param name="Experiment">An instance of the generated class, or null.</param>
/// <param name="Diagnostics">Spec diagnostics (errors and warnings), positioned in the <c>.ast</c> files.</param>
/// <param name="CompilerErrors">C# compiler errors in the generated code (a generator bug or a stale runtime), as text.</param>
public sealed record ExperimentCompilation(
    IGeneratedExperiment? Experiment, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> CompilerErrors)
{
    /// <summary>True when <see cref="Experiment"/> is available.</summary>
    public bool Succeeded => Experiment is not null;
}
