using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Resolved;
using AstDsl.Dsl.Text;

namespace AstDsl.CodeGen.Pipeline;

/// <summary>
/// What one spec turns into: the resolved spec to emit (null when it has errors) and its diagnostics.
/// Value-equal: when a change elsewhere leaves this spec's result equal, its source is not regenerated.
/// </summary>
/// <param name="SpecPath">Path of the spec.</param>
/// <param name="NameSpan">Where the experiment name is written (for problems across specs).</param>
/// <param name="Spec">Resolved spec, or null.</param>
/// <param name="Diagnostics">Diagnostics to report.</param>
internal sealed record SpecGeneration(string SpecPath, SourceSpan NameSpan, ResolvedSpec? Spec, ValueList<Diagnostic> Diagnostics);
