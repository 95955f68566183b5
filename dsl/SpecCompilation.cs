using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Loading;
using AstDsl.Dsl.Resolved;
using AstDsl.Dsl.Text;

namespace AstDsl.Dsl;

/// <summary>The result of checking a spec.</summary>
/// <param name="Spec">The resolved spec, or null when any error was found.</param>
/// <param name="Diagnostics">Every error and warning, ordered by file, line and column.</param>
/// <param name="Chain">The loaded files (for hashing and formatting).</param>
public sealed record SpecCompilation(ResolvedSpec? Spec, ValueList<Diagnostic> Diagnostics, SpecChain Chain)
{
    /// <summary>True when the spec has no errors (warnings allowed).</summary>
    public bool Succeeded => Spec is not null;
}
