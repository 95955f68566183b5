using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Text;

namespace AstDsl.Dsl.Binding;

/// <summary>Collects the diagnostics of one check; binding goes on after a problem so every problem is reported.</summary>
internal sealed class BindContext
{
    private readonly List<Diagnostic> diagnostics;

    public BindContext(List<Diagnostic> diagnostics) => this.diagnostics = diagnostics;

    /// <summary>Records a problem; returns null so binders can <c>return context.Report(...)</c>.</summary>
    public object? Report(DiagnosticDescriptor descriptor, SourceSpan span, string message)
    {
        diagnostics.Add(descriptor.At(span, message));
        return null;
    }

    /// <summary>True when any error has been recorded.</summary>
    public bool HasErrors => diagnostics.Any(d => d.IsError);
}
