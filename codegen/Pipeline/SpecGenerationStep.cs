using AstDsl.Dsl;
using AstDsl.Dsl.Loading;
using AstDsl.Dsl.Text;

namespace AstDsl.CodeGen.Pipeline;

/// <summary>Checks one spec against the full set of specs (which <c>extends</c> may reach), without disk access.</summary>
internal static class SpecGenerationStep
{
    /// <summary>The generation result of <paramref name="spec"/>; <paramref name="allSpecs"/> resolves its <c>extends</c>.</summary>
    public static SpecGeneration Run(SpecFile spec, ValueList<SpecFile> allSpecs)
    {
        var files = new InMemoryFileSystem(allSpecs.Select(file => new KeyValuePair<string, string>(file.Path, file.Text)));
        var compilation = SpecCompiler.Load(spec.Path, files);
        var nameSpan = compilation.Chain.Files.FirstOrDefault()?.Syntax.Span ?? SourceSpan.StartOf(spec.Path);
        return new SpecGeneration(spec.Path, nameSpan, compilation.Spec, compilation.Diagnostics);
    }
}
