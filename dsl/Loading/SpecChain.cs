using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Text;

namespace AstDsl.Dsl.Loading;

/// <summary>A spec and the specs it extends, most derived first; <see cref="Files"/> is empty when the root did not parse.</summary>
/// <param name="Files">The chain, from the loaded file to the last base.</param>
/// <param name="Diagnostics">Syntax errors of every file and extends problems (AST0001, AST0009, AST0010).</param>
public sealed record SpecChain(ValueList<LoadedSpec> Files, ValueList<Diagnostic> Diagnostics);
