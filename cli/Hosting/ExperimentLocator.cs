using System.Reflection;
using AstDsl.Training.Experiments;

namespace AstDsl.Hosting;

/// <summary>Finds generated experiment classes (marked <see cref="GeneratedExperimentAttribute"/>) in a loaded assembly.</summary>
public static class ExperimentLocator
{
    /// <summary>An instance of every generated experiment in <paramref name="assembly"/>.</summary>
    public static IReadOnlyList<IGeneratedExperiment> FindAll(Assembly assembly) =>
        assembly.GetTypes()
            .Where(type => type.GetCustomAttribute<GeneratedExperimentAttribute>() is not null
                           && typeof(IGeneratedExperiment).IsAssignableFrom(type) && !type.IsAbstract)
            .Select(type => (IGeneratedExperiment)Activator.CreateInstance(type)!)
            .ToList();

    /// <summary>The experiment generated from exactly the spec text with hash <paramref name="specHash"/>, or null when the assembly is stale.</summary>
    public static IGeneratedExperiment? FindBySpecHash(Assembly assembly, string specHash) =>
        FindAll(assembly).FirstOrDefault(experiment => string.Equals(experiment.SpecHash, specHash, StringComparison.OrdinalIgnoreCase));
}
