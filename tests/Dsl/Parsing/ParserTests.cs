using AstDsl.Dsl.Parsing;
using AstDsl.Dsl.Syntax;
using Xunit;
using static AstDsl.Dsl.Tests.Support.Specs;

namespace AstDsl.Dsl.Tests.Parsing;

public sealed class ParserTests
{
    private static ValueSyntax ValueOf(string field, string value)
    {
        var parsed = SpecParser.Parse($"experiment t\nb {{\n  {field} = {value}\n}}\n", FileName);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Diagnostics));
        return parsed.Syntax!.Blocks.Single().Fields.Single().Value;
    }

    [Theory]
    [InlineData("16 kHz", "16", "kHz")]
    [InlineData("25 ms", "25", "ms")]
    [InlineData("10 s", "10", "s")]
    [InlineData("1024 frames", "1024", "frames")]
    [InlineData("1e-5", "1e-5", null)]
    [InlineData("-4.2677393", "-4.2677393", null)]
    public void Numbers_keep_their_text_and_unit(string written, string text, string? unit)
    {
        var number = Assert.IsType<NumberSyntax>(ValueOf("x", written));
        Assert.Equal((text, unit), (number.Text, number.Unit));
    }

    [Fact]
    public void Pairs_ranges_lists_tuples_and_calls_parse_into_their_nodes()
    {
        var pair = Assert.IsType<PairSyntax>(ValueOf("stride", "10 x 12"));
        Assert.Equal(("10", "12"), (pair.First.Text, pair.Second.Text));
        var range = Assert.IsType<RangeSyntax>(ValueOf("wa", "6..25"));
        Assert.Equal(("6", "25"), (range.Start.Text, range.End.Text));
        var list = Assert.IsType<ListSyntax>(ValueOf("metrics", "[mAP, acc]"));
        Assert.Equal(new[] { "mAP", "acc" }, list.Items.Cast<IdentifierSyntax>().Select(i => i.Name));
        var call = Assert.IsType<CallSyntax>(ValueOf("optimizer", "adam(lr: 1e-5, betas: (0.95, 0.999))"));
        Assert.Equal(new[] { "lr", "betas" }, call.Arguments.Select(a => a.Name));
        Assert.Equal(2, Assert.IsType<TupleSyntax>(call.Arguments[1].Value).Items.Count);
    }

    [Fact]
    public void A_field_named_x_and_a_digit_on_the_next_line_is_not_the_second_half_of_a_pair()
    {
        // Found by the round-trip property: "z = 4654e-9" then "x9Lf = 1" was read as "z = 4654e-9 x 9" and "Lf = 1".
        var parsed = SpecParser.Parse("experiment t\nb {\n  z = 4654e-9\n  x9Lf = 1\n  s = 10 x 12\n}\n", FileName);

        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Diagnostics));
        var fields = parsed.Syntax!.Blocks.Single().Fields;
        Assert.Equal(new[] { "z", "x9Lf", "s" }, fields.Select(f => f.Key));
        Assert.IsType<NumberSyntax>(fields[0].Value);
        Assert.IsType<PairSyntax>(fields[2].Value);
    }

    [Fact]
    public void Option_sugar_equals_the_call_form()
    {
        var sugar = SpecParser.Parse("experiment t\nmodel { pretrain audioset \"a.pth\" }", FileName).Syntax!.WithoutPositions();
        var call = SpecParser.Parse("experiment t\nmodel { pretrain = audioset(\"a.pth\") }", FileName).Syntax!.WithoutPositions();
        Assert.Equal(call, sugar);
    }

    [Fact]
    public void Comments_semicolons_and_layout_do_not_matter()
    {
        var compact = SpecParser.Parse("experiment t extends \"b.ast\"\nmodel { labels = 3; width = 64 }", FileName).Syntax!;
        var spread = SpecParser.Parse("""
            # hash comment
            experiment t   extends "b.ast"   // trailing comment
            model {
              labels = 3 ;

              width = 64   # why 64
            }
            """, FileName).Syntax!;
        Assert.Equal(compact.WithoutPositions(), spread.WithoutPositions());
    }

    [Fact]
    public void Spans_record_file_line_and_column()
    {
        var spec = SpecParser.Parse("experiment t\nmodel {\n  stride = 10 x 12\n}", "dir/x.ast").Syntax!;
        var field = spec.Blocks[0].Fields[0];
        Assert.Equal(("dir/x.ast", 3, 3), (field.Span.File, field.Span.Line, field.Span.Column));
        Assert.Equal((3, 12, 3, 19), (field.Value.Span.Line, field.Value.Span.Column, field.Value.Span.EndLine, field.Value.Span.EndColumn));
        Assert.Equal((1, 12), (spec.Span.Line, spec.Span.Column));
    }
}
