using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Syntax;

namespace AstDsl.Dsl.Binding.Kinds;

/// <summary>An inclusive range of whole numbers <c>a..b</c> with a &lt;= b. Produces <c>(int Start, int End)</c>.</summary>
internal sealed class RangeKind : ValueKind
{
    private readonly NumberKind end;

    public RangeKind(Bounds bounds) => end = new NumberKind(true, bounds);

    public override string Description => "a range like 1..5";

    public override object? Bind(ValueSyntax value, string name, BindContext context)
    {
        if (value is not RangeSyntax range) return WrongType(value, name, context);
        var start = end.Bind(range.Start, name, context) as Measure;
        var stop = end.Bind(range.End, name, context) as Measure;
        if (start is null || stop is null) return null;
        if (start.Value > stop.Value)
            return context.Report(DiagnosticCatalog.InvalidRange, range.Span,
                $"'{name}' starts after it ends ({range.Start.Text} > {range.End.Text}); write the smaller number first");
        return ((int)start.Value, (int)stop.Value);
    }
}
