using AstDsl.Dsl.Syntax;

namespace AstDsl.Dsl.Binding.Kinds;

/// <summary>A parenthesised tuple with one kind per position: <c>(0.95, 0.999)</c>. Produces <c>object[]</c>.</summary>
internal sealed class TupleKind : ValueKind
{
    private readonly ValueKind[] items;

    public TupleKind(params ValueKind[] items) => this.items = items;

    public override string Description => $"a tuple of {items.Length} ({string.Join(", ", items.Select(item => item.Description))})";

    public override object? Bind(ValueSyntax value, string name, BindContext context)
    {
        if (value is not TupleSyntax tuple || tuple.Items.Count != items.Length) return WrongType(value, name, context);
        var bound = tuple.Items.Select((item, i) => items[i].Bind(item, name, context)).ToArray();
        return bound.Any(item => item is null) ? null : bound;
    }
}
