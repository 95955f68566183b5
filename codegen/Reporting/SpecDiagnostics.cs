using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SpecDiagnostic = AstDsl.Dsl.Diagnostics.Diagnostic;
using SpecSeverity = AstDsl.Dsl.Diagnostics.DiagnosticSeverity;

namespace AstDsl.CodeGen.Reporting;

/// <summary>Spec diagnostics as compiler diagnostics located in the <c>.ast</c> file, so <c>dotnet build</c> prints <c>spec.ast(3,21): error AST0012: ...</c>.</summary>
internal static class SpecDiagnostics
{
    private const string Category = "AstDsl.Spec";

    private static readonly ConcurrentDictionary<string, DiagnosticDescriptor> Descriptors = new();

    /// <summary>The Roslyn diagnostic for <paramref name="diagnostic"/>.</summary>
    public static Diagnostic ToRoslyn(SpecDiagnostic diagnostic)
    {
        var span = diagnostic.Span;
        var location = Location.Create(
            span.File,
            new TextSpan(span.Start, span.Length),
            new LinePositionSpan(new LinePosition(span.Line - 1, span.Column - 1), new LinePosition(span.EndLine - 1, span.EndColumn - 1)));
        return Diagnostic.Create(DescriptorFor(diagnostic), location, diagnostic.Message);
    }

    private static DiagnosticDescriptor DescriptorFor(SpecDiagnostic diagnostic) =>
        Descriptors.GetOrAdd(diagnostic.Id, id =>
        {
            var title = Dsl.Diagnostics.DiagnosticCatalog.All.First(d => d.Id == id).Title;
            var severity = diagnostic.Severity == SpecSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
            return new DiagnosticDescriptor(id, title, "{0}", Category, severity, isEnabledByDefault: true,
                description: "Spec diagnostics are listed in dsl/DIAGNOSTICS.md.");
        });
}
