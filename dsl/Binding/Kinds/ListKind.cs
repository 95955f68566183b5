using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Syntax;
using AstDsl.Dsl.Text;

namespace AstDsl.Dsl.Binding.Kinds;

/// <summary>
/// A bracketed list whose items all bind with <see cref="Item"/>; with <see cref="Range"/> set, a range stands for
/// its elements (<c>1..5</c> = <c>[1, 2, 3, 4, 5]</c>). Produces a <see cref="ValueList{T}"/> of the item values.
/// </summary>
internal sealed class ListKind : ValueKind
{
    public ListKind(ValueKind item, int maxItems, RangeKind? range = null)
    {
        Item = item;
        Range = range;
        MaxItems = maxItems;
    }

    public ValueKind Item { get; }

    public RangeKind? Range { get; }

    /// <summary>The most items the list may have (a range's bounds keep it within this as well).</summary>
    public int MaxItems { get; }

    public override string Description =>
        Range is null ? $"a list [...] of {Item.Description}" : $"a range like 1..5 or a list [...] of {Item.Description}";

    public override object? Bind(ValueSyntax value, string name, BindContext context)
    {
        if (value is RangeSyntax && Range is not null)
        {
            if (Range.Bind(value, name, context) is not ValueTuple<int, int> range) return null;
            return Enumerable.Range(range.Item1, range.Item2 - range.Item1 + 1).Select(i => (object)new Measure(i, null)).ToValueList();
        }

        if (value is not ListSyntax list) return WrongType(value, name, context);
        if (list.Items.Count > MaxItems)
            return context.Report(DiagnosticCatalog.OutOfRange, list.Span, $"'{name}' lists {list.Items.Count} items; it takes at most {MaxItems}");
        var items = list.Items.Select(item => Item.Bind(item, name, context)).ToList();
        return items.Any(item => item is null) ? null : items.Select(item => item!).ToValueList();
    }
}
