using System.Text;
using AstDsl.Dsl.Syntax;

namespace AstDsl.Dsl.Printing;

/// <summary>
/// The canonical layout of a spec (<c>astc fmt</c>): header, a blank line, then each block with one field per line
/// indented two spaces. Numbers keep their written digits, so parsing the output gives the same tree.
/// </summary>
public static class SpecPrinter
{
    /// <summary>The canonical text of <paramref name="spec"/>, ending with a newline.</summary>
    public static string Print(SpecSyntax spec)
    {
        var text = new StringBuilder();
        text.Append("experiment ").Append(spec.Name);
        if (spec.Extends is not null) text.Append(" extends ").Append(Quote(spec.Extends.Value));
        text.Append('\n');
        foreach (var block in spec.Blocks)
        {
            text.Append('\n').Append(block.Name).Append(" {\n");
            foreach (var field in block.Fields)
                text.Append("  ").Append(field.Key).Append(" = ").Append(PrintValue(field.Value)).Append('\n');
            text.Append("}\n");
        }

        return text.ToString();
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
