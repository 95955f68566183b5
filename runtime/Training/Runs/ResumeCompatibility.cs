using AstDsl.Training.Errors;

namespace AstDsl.Training.Runs;

/// <summary>
/// A resumed run continues the experiment stored in its spec.yaml. A SPEC that differs would silently mix two
/// experiments in one run (some changes taking effect, others not), so it is refused unless the user says so.
/// </summary>
public static class ResumeCompatibility
{
    /// <summary>Throws when <paramref name="specYaml"/> differs from the run's stored spec and changes are not allowed; returns the differences.</summary>
    /// <exception cref="RunDirectoryException">The specs differ and <paramref name="allowChange"/> is false.</exception>
    public static IReadOnlyList<string> Check(RunDirectory run, string specYaml, bool allowChange)
    {
        var differences = SpecDifferences.Between(File.ReadAllText(run.SpecFile), specYaml);
        if (differences.Count > 0 && !allowChange)
            throw new RunDirectoryException(run.Path,
                $"was trained with another spec; SPEC differs from its {RunDirectory.SpecFileName} in: {string.Join("; ", differences)}. " +
                $"Resume with the spec the run was started with, start a new run, or pass --allow-spec-change to continue with SPEC's values.");
        return differences;
    }
}
