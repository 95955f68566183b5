using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Parsing;
using AstDsl.Dsl.Text;

namespace AstDsl.Dsl.Printing;

/// <summary>The result of formatting: the canonical text, or null with the syntax errors that prevented it.</summary>
/// <param name="Text">Canonical text, or null.</param>
/// <param name="Diagnostics">Syntax errors.</param>
public sealed record FormatResult(string? Text, ValueList<Diagnostic> Diagnostics);

/// <summary><c>astc fmt</c>: parse, then print canonically. Only syntax matters here; the spec need not type-check.
/// Comments are kept: each is put back next to the field, block or header it was written beside.</summary>
public static class SpecFormatter
{
    /// <summary>The canonical layout of <paramref name="text"/> (read from <paramref name="path"/>), or its syntax errors.</summary>
    public static FormatResult Format(string text, string path)
    {
        var parsed = SpecParser.Parse(text, path);
        return parsed.Succeeded
            ? new FormatResult(SpecPrinter.Print(parsed.Syntax!, SourceComment.Scan(SpecParser.UnifyLineBreaks(text))), parsed.Diagnostics)
            : new FormatResult(null, parsed.Diagnostics);
    }
}
