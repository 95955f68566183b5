using System.Collections.Immutable;
using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Text;

namespace AstDsl.CodeGen.Pipeline;

/// <summary>
/// Finds experiments declared by more than one spec. Classes are named after experiments, so two such specs would
/// otherwise surface as a C# duplicate-type error in generated code instead of at the spec.
/// </summary>
internal static class DuplicateNames
{
    /// <summary>One AST0023 per spec that repeats an earlier spec's experiment name (ordered by path).</summary>
    public static ValueList<Diagnostic> Find(ImmutableArray<SpecGeneration> generations) =>
        generations
            .Where(generation => generation.Spec is not null)
            .GroupBy(generation => generation.Spec!.Name, StringComparer.Ordinal)
            .SelectMany(group =>
            {
                var ordered = group.OrderBy(generation => generation.SpecPath, StringComparer.Ordinal).ToList();
                return ordered.Skip(1).Select(later => DiagnosticCatalog.DuplicateExperimentName.At(
                    later.NameSpan,
                    $"experiment '{group.Key}' is also declared by '{ordered[0].SpecPath}'; give each spec its own experiment name"));
            })
            .ToValueList();
}
