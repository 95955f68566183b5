using AstDsl.Dsl.Text;

namespace AstDsl.Dsl.Binding;

/// <summary>A checked field value and where it was written.</summary>
/// <param name="Value">The converted value (see the kinds in Binding/Kinds for what each produces).</param>
/// <param name="Span">Where the value is written.</param>
internal sealed record Bound(object Value, SourceSpan Span);

/// <summary>A number converted to its dimension's base unit (Hz, ms, frames, bins, steps).</summary>
/// <param name="Value">Value in the base unit.</param>
/// <param name="Dimension">The dimension the written unit belongs to, or null for a bare number.</param>
internal sealed record Measure(double Value, string? Dimension);

/// <summary>A value chosen among variants, with its checked arguments: <c>multistep(start: 2)</c>, <c>none</c>.</summary>
/// <param name="Variant">Variant name.</param>
/// <param name="Arguments">Arguments by name; absent optional arguments are missing.</param>
internal sealed record Choice(string Variant, IReadOnlyDictionary<string, Bound> Arguments);

/// <summary>The switch-off value (<c>off</c>, <c>none</c>) of fields that may be disabled.</summary>
internal sealed class Disabled
{
    public static readonly Disabled Instance = new();

    private Disabled()
    {
    }
}
