using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Syntax;
using AstDsl.Dsl.Text;

namespace AstDsl.Dsl.Parsing;

/// <summary>The outcome of parsing one file: the tree (null when the header is unreadable) and every syntax error found.</summary>
/// <param name="Syntax">The spec, possibly missing the lines that had errors.</param>
/// <param name="Diagnostics">Syntax errors (AST0001), in source order.</param>
public sealed record ParseResult(SpecSyntax? Syntax, ValueList<Diagnostic> Diagnostics)
{
    /// <summary>True when the file parsed without errors.</summary>
    public bool Succeeded => Syntax is not null && Diagnostics.Count == 0;
}
