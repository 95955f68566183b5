using System.Text;
using AstDsl.Dsl.Parsing;
using AstDsl.Dsl.Syntax;
using AstDsl.Dsl.Text;

namespace AstDsl.Dsl.Printing;

/// <summary>
/// The canonical layout of a spec (<c>astc fmt</c>): header, a blank line, then each block with one field per line
/// indented two spaces. Numbers keep their written digits, so parsing the output gives the same tree.
/// </summary>
public static class SpecPrinter
{
    /// <summary>The canonical text of <paramref name="spec"/>, ending with a newline.</summary>
    public static string Print(SpecSyntax spec) => Print(spec, Array.Empty<SourceComment>());

    /// <summary>
    /// The canonical text of <paramref name="spec"/> with <paramref name="comments"/> (from the text it was parsed from)
    /// put back: a comment on the line where a header, field, block opening or closing brace ends stays on that line;
    /// any other comment goes on its own line, indented like the next of those, in source order.
    /// </summary>
    internal static string Print(SpecSyntax spec, IReadOnlyList<SourceComment> comments)
    {
        var writer = new CommentWriter(comments);
        var headerEnd = spec.Extends?.Span ?? spec.Span;
        writer.Leading(End(headerEnd), "");
        writer.Text.Append("experiment ").Append(spec.Name);
        if (spec.Extends is not null) writer.Text.Append(" extends ").Append(Quote(spec.Extends.Value));
        writer.Trailing(headerEnd.EndLine, NextStart(spec, -1, -1));
        for (var b = 0; b < spec.Blocks.Count; b++)
        {
            var block = spec.Blocks[b];
            writer.Text.Append('\n');
            writer.Leading(End(block.Span), "");
            writer.Text.Append(block.Name).Append(" {");
            writer.Trailing(block.Span.EndLine, NextStart(spec, b, -1));
            for (var f = 0; f < block.Fields.Count; f++)
            {
                var field = block.Fields[f];
                writer.Leading(End(field.Value.Span), "  ");
                writer.Text.Append("  ").Append(field.Key).Append(" = ").Append(PrintValue(field.Value));
                writer.Trailing(field.Value.Span.EndLine, NextStart(spec, b, f));
            }

            writer.Leading(End(block.Close), "  ");
            writer.Text.Append('}');
            writer.Trailing(block.Close.Line, NextStart(spec, b, block.Fields.Count));
        }

        writer.Rest();
        return writer.Text.ToString();
    }
    /// <summary>The canonical text of one value.</summary>
    public static string PrintValue(ValueSyntax value) => value switch
    {
        NumberSyntax number => number.Unit is null ? number.Text : number.Text + " " + number.Unit,
        StringSyntax text => Quote(text.Value),
        IdentifierSyntax identifier => identifier.Name,
        PairSyntax pair => pair.First.Text + " x " + pair.Second.Text,
        RangeSyntax range => range.Start.Text + ".." + range.End.Text,
        ListSyntax list => "[" + string.Join(", ", list.Items.Select(PrintValue)) + "]",
        TupleSyntax tuple => "(" + string.Join(", ", tuple.Items.Select(PrintValue)) + ")",
        CallSyntax call => call.Name + "(" + string.Join(", ", call.Arguments.Select(PrintArgument)) + ")",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "unknown value syntax"),
    };

    private static int End(SourceSpan span) => span.Start + span.Length;

    /// <summary>
    /// Where the element after field <paramref name="field"/> of block <paramref name="block"/> starts (-1 means the
    /// block opening, <c>Fields.Count</c> its closing brace), or int.MaxValue at the end: a comment on a shared line
    /// belongs to the last element before it.
    /// </summary>
    private static int NextStart(SpecSyntax spec, int block, int field)
    {
        if (block >= 0 && field < spec.Blocks[block].Fields.Count - 1) return spec.Blocks[block].Fields[field + 1].Span.Start;
        if (block >= 0 && field < spec.Blocks[block].Fields.Count) return spec.Blocks[block].Close.Start;
        return block + 1 < spec.Blocks.Count ? spec.Blocks[block + 1].Span.Start : int.MaxValue;
    }

    private static string PrintArgument(ArgumentSyntax argument) =>
        argument.Name is null ? PrintValue(argument.Value) : argument.Name + ": " + PrintValue(argument.Value);

    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\' or '\n') text.Append('\\');
            text.Append(c);
        }

        return text.Append('"').ToString();
    }
}
