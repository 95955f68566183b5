using System.Reflection;
using AstDsl.Dsl;

namespace AstDsl.Hosting;

/// <summary>
/// What <c>astc run</c> calls: the built experiment class when it was generated from the spec as it is now,
/// otherwise a fresh in-memory compilation of the spec.
/// </summary>
public static class ExperimentLoader
{
    /// <summary>
    /// The experiment for <paramref name="specPath"/>: from <paramref name="builtModels"/> if one of its classes has the
    /// spec's current hash, else compiled with <see cref="ExperimentCompiler"/> against <paramref name="referencePaths"/>
    /// (the running application's assemblies when null).
    /// </summary>
    public static ExperimentCompilation Load(string specPath, Assembly? builtModels, IEnumerable<string>? referencePaths = null)
    {
        var checkedSpec = SpecCompiler.Load(specPath);
        if (checkedSpec.Spec is not { } spec)
            return new ExperimentCompilation(null, null, checkedSpec.Diagnostics, Array.Empty<string>());
        if (builtModels is not null && ExperimentLocator.FindBySpecHash(builtModels, spec.SpecHash) is { } built)
            return new ExperimentCompilation(built, spec, checkedSpec.Diagnostics, Array.Empty<string>());
        return ExperimentCompiler.Compile(specPath, referencePaths ?? ExperimentCompiler.RuntimeReferences());
    }
}
