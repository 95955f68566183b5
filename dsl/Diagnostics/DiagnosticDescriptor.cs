using AstDsl.Dsl.Text;

namespace AstDsl.Dsl.Diagnostics;

/// <summary>One kind of spec problem: a stable id, a severity and a short title (the table is <see cref="DiagnosticCatalog"/>).</summary>
/// <param name="Id">Stable id, AST0001 and up.</param>
/// <param name="Severity">Severity of every diagnostic of this kind.</param>
/// <param name="Title">Short description, as listed in DIAGNOSTICS.md.</param>
public sealed record DiagnosticDescriptor(string Id, DiagnosticSeverity Severity, string Title)
{
    /// <summary>A diagnostic of this kind at <paramref name="span"/>; the message should say how to fix it.</summary>
    public Diagnostic At(SourceSpan span, string message) => new(Id, Severity, span, message);
}
