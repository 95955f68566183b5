using System.Reflection;
using AstDsl.Cli.Console;
using AstDsl.Hosting;

namespace AstDsl.Cli.Commands;

/// <summary>Finds the generated code for a spec: built into AstDsl.Models when current, else compiled in memory.</summary>
public static class GeneratedExperiments
{
    /// <summary>The loaded experiment for <paramref name="spec"/> (run it through its <c>Definition</c>), or null after printing why there is none.</summary>
    public static ExperimentCompilation? Load(FileInfo spec)
    {
        if (!spec.Exists)
        {
            System.Console.Error.WriteLine($"error: {spec.FullName}: spec file not found.");
            return null;
        }
        var builtModels = Assembly.Load(new AssemblyName("AstDsl.Models"));
        var compilation = ExperimentLoader.Load(spec.FullName, builtModels);
        DiagnosticPrinter.Print(compilation.Diagnostics);
        foreach (var error in compilation.CompilerErrors)
            System.Console.Error.WriteLine($"error: generated code for {spec.Name} does not compile: {error}");
        if (compilation.Experiment is { } experiment)
            Verbosity.Info(ReferenceEquals(experiment.GetType().Assembly, builtModels)
                ? $"using {experiment.GetType().Name} built into AstDsl.Models"
                : $"{spec.Name} changed since the build: generated and compiled {experiment.GetType().Name} in memory");
        return compilation.Succeeded ? compilation : null;
    }
}
