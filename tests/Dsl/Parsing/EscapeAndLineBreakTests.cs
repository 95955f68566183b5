using AstDsl.Dsl.Parsing;
using AstDsl.Dsl.Printing;
using AstDsl.Dsl.Syntax;
using Xunit;
using static AstDsl.Dsl.Tests.Support.Specs;

namespace AstDsl.Dsl.Tests.Parsing;

/// <summary>String escapes are never dropped silently, and positions count every kind of line break.</summary>
public sealed class EscapeAndLineBreakTests
{
    [Fact]
    public void Unknown_escapes_in_a_windows_path_are_located_errors_with_the_fix()
    {
        var result = Check(Minimal.Replace("\"train.json\"", "\"C:\\data\\new\\train.json\""));
        Assert.Equal(
            new[] { (6, 14, "d"), (6, 19, "n"), (6, 23, "t") },
            result.Diagnostics.Select(d => (d.Span.Line, d.Span.Column, d.Message.Substring("unknown escape '\\".Length, 1))));
        Assert.All(result.Diagnostics, d => Assert.Equal("AST0001", d.Id));
        Assert.Equal(
            "unknown escape '\\d' in a string; write paths with '/' (it works on Windows too) or double the backslash ('\\\\')",
            result.Diagnostics[0].Message);
        Assert.Null(result.Spec);
    }

    [Theory]
    [InlineData("\"C:\\\\data\\\\new\"", "C:\\data\\new")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("\"two\\\nlines\"", "two\nlines")]
    [InlineData("\"C:/data/new/train.json\"", "C:/data/new/train.json")]
    public void Known_escapes_still_work(string written, string value)
    {
        var parsed = SpecParser.Parse($"experiment t\nb {{\n  x = {written}\n}}\n", FileName);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Diagnostics));
        Assert.Equal(value, Assert.IsType<StringSyntax>(parsed.Syntax!.Blocks.Single().Fields.Single().Value).Value);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Positions_count_lf_crlf_and_lone_cr_line_breaks(string lineBreak)
    {
        var text = "experiment t\nmodel {\n  labels = = 3\n}\n".Replace("\n", lineBreak);
        var d = Single(Check(text), "AST0001", 3, 12);
        Assert.StartsWith("unexpected '='", d.Message);
    }

    [Fact]
    public void A_cr_only_spec_checks_like_its_lf_original()
    {
        var withZeroHeads = MinimalWith("model {\n  width = 64\n  heads = 0\n}");
        var lf = Check(withZeroHeads);
        var cr = Check(withZeroHeads.Replace("\n", "\r"));
        Assert.Equal(
            lf.Diagnostics.Select(d => (d.Id, d.Span.Line, d.Span.Column, d.Message)),
            cr.Diagnostics.Select(d => (d.Id, d.Span.Line, d.Span.Column, d.Message)));
        Single(cr, "AST0007", 12, 11);
    }

    [Fact]
    public void A_cr_only_spec_formats_like_its_lf_original_comments_included()
    {
        const string text = "experiment t # header\nmodel {\n  # before\n  labels = 3 # after\n}\n";
        var lf = SpecFormatter.Format(text, FileName).Text;
        Assert.NotNull(lf);
        Assert.Equal(lf, SpecFormatter.Format(text.Replace("\n", "\r"), FileName).Text);
    }
}
