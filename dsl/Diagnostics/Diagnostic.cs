using AstDsl.Dsl.Text;

namespace AstDsl.Dsl.Diagnostics;

/// <summary>A positioned problem in a spec.</summary>
/// <param name="Id">Stable id (see <see cref="DiagnosticCatalog"/>).</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Span">Where the problem is.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record Diagnostic(string Id, DiagnosticSeverity Severity, SourceSpan Span, string Message)
{
    /// <summary>True for errors.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Compiler-style text: <c>file(line,col): error AST0012: message</c>.</summary>
    public override string ToString() =>
        $"{Span}: {(IsError ? "error" : "warning")} {Id}: {Message}";
}
