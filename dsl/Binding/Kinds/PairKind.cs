using AstDsl.Dsl.Syntax;

namespace AstDsl.Dsl.Binding.Kinds;

/// <summary>Two whole numbers <c>a x b</c>, or one number meaning <c>a x a</c>. Produces <c>(int, int)</c>.</summary>
internal sealed class PairKind : ValueKind
{
    private readonly NumberKind side;

    public PairKind(Bounds bounds) => side = new NumberKind(true, bounds);

    public override string Description => "a whole number or a pair like 16 x 16";

    public override object? Bind(ValueSyntax value, string name, BindContext context)
    {
        var (first, second) = value switch
        {
            PairSyntax pair => (pair.First, pair.Second),
            NumberSyntax number => (number, number),
            _ => (null, null),
        };
        if (first is null || second is null) return WrongType(value, name, context);
        var a = side.Bind(first, name, context) as Measure;
        var b = ReferenceEquals(first, second) ? a : side.Bind(second, name, context) as Measure;
        return a is null || b is null ? null : ((int)a.Value, (int)b.Value);
    }
}
