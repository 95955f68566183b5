using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using AstDsl.CodeGen;
using AstDsl.Dsl;
using AstDsl.Dsl.Loading;
using AstDsl.Dsl.Resolved;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AstDsl.Hosting;

/// <summary>
/// Compiles one spec to a loaded experiment class with the same generator <c>dotnet build</c> uses, so a run from an
/// edited spec executes exactly the code a rebuild would produce, without a second interpreter.
/// </summary>
public static class ExperimentCompiler
{
    // Reading an assembly's metadata is most of a compilation's cost; the references of one process never change.
    private static readonly ConcurrentDictionary<string, MetadataReference> References = new(StringComparer.Ordinal);

    /// <summary>Compiles against the assemblies of the running application (its trusted platform assemblies).</summary>
    public static ExperimentCompilation Compile(string specPath) => Compile(specPath, RuntimeReferences());

    /// <summary>Compiles the spec at <paramref name="specPath"/> (and the specs it extends) against <paramref name="referencePaths"/>.</summary>
    public static ExperimentCompilation Compile(string specPath, IEnumerable<string> referencePaths)
    {
        var checkedSpec = SpecCompiler.Load(specPath);
        if (checkedSpec.Spec is not { } spec)
            return new ExperimentCompilation(null, null, checkedSpec.Diagnostics, Array.Empty<string>());

        var compilation = CSharpCompilation.Create(
            "AstDsl.Models.InMemory." + spec.Name + "." + spec.SpecHash.Substring(0, 12),
            syntaxTrees: null,
            references: referencePaths.Select(path => References.GetOrAdd(path, p => MetadataReference.CreateFromFile(p))),
            options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var specFiles = SpecFiles(checkedSpec, spec).Select(file => (AdditionalText)new SpecText(file.Path, file.Text)).ToImmutableArray();
        var driver = CSharpGeneratorDriver.Create(
            new[] { new ExperimentGenerator().AsSourceGenerator() },
            additionalTexts: specFiles,
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest));
        var run = driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics).GetRunResult();

        using var image = new MemoryStream();
        var emitted = generated.Emit(image);
        // A generator that throws is only a compiler warning (CS8785); here it means there is nothing to run.
        var errors = run.Results.Where(result => result.Exception is not null).Select(result => $"the generator failed: {result.Exception}")
            .Concat(generatorDiagnostics.Concat(emitted.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()))
            .ToList();
        if (!emitted.Success || errors.Count > 0)
            return new ExperimentCompilation(null, spec, checkedSpec.Diagnostics, errors);

        var assembly = Assembly.Load(image.ToArray());
        var experiment = ExperimentLocator.FindBySpecHash(assembly, spec.SpecHash);
        return experiment is null
            ? new ExperimentCompilation(null, spec, checkedSpec.Diagnostics, new[] { $"the generated assembly has no experiment with hash {spec.SpecHash}" })
            : new ExperimentCompilation(experiment, spec, checkedSpec.Diagnostics, Array.Empty<string>());
    }

    /// <summary>
    /// The running application's assemblies (framework, runtime, TorchSharp): what generated code needs. The built
    /// models assembly is left out: the in-memory classes replace its classes of the same names.
    /// </summary>
    public static IReadOnlyList<string> RuntimeReferences() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(path => !string.Equals(Path.GetFileName(path), BuiltModelsAssembly, StringComparison.OrdinalIgnoreCase))
            .ToList();

    /// <summary>File name of the assembly <c>dotnet build</c> generates the shipped specs into.</summary>
    public const string BuiltModelsAssembly = "AstDsl.Models.dll";

    // The generator checks a spec against the texts it is given: the extends chain and, for a fine-tuning spec that
    // names its pretraining spec (ssl(spec: ...)), that spec's chain, which the checker compares patch shapes with.
    private static IEnumerable<LoadedSpec> SpecFiles(SpecCompilation checkedSpec, ResolvedSpec spec)
    {
        var pretraining = spec.Pretrain.SpecPath is { } path
            ? SpecCompiler.Load(SpecPaths.Resolve(spec.SpecPath, path)).Chain.Files
            : Enumerable.Empty<LoadedSpec>();
        return checkedSpec.Chain.Files.Concat(pretraining).GroupBy(file => file.Path, StringComparer.Ordinal).Select(group => group.First());
    }

    /// <summary>Spec text handed to the generator as an AdditionalFile.</summary>
    private sealed class SpecText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }
}
