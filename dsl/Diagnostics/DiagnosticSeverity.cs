namespace AstDsl.Dsl.Diagnostics;

/// <summary>How serious a spec problem is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The spec still works but probably not as intended.</summary>
    Warning,
    /// <summary>The spec cannot be compiled or run.</summary>
    Error,
}
