using System.Collections.Immutable;
using AstDsl.CodeGen;
using AstDsl.Hosting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace AstDsl.Dsl.Tests.Support;

/// <summary>Runs the experiment generator the way the compiler does, against the real runtime assemblies.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static CSharpCompilation EmptyCompilation() => CSharpCompilation.Create(
        "Generated",
        references: ExperimentCompiler.RuntimeReferences().Select(path => MetadataReference.CreateFromFile(path)),
        options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> specs) => CSharpGeneratorDriver.Create(
        new[] { new ExperimentGenerator().AsSourceGenerator() },
        additionalTexts: specs,
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static AdditionalText Text(string path, string text) => new InMemoryText(path, text);

    public static ImmutableArray<AdditionalText> ShippedSpecs() =>
        Specs.ShippedNames.Select(name => Text(Specs.Shipped(name), File.ReadAllText(Specs.Shipped(name)))).ToImmutableArray();

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
