using AstDsl.Dsl.Printing;
using Xunit;
using static AstDsl.Dsl.Tests.Support.Specs;

namespace AstDsl.Dsl.Tests.Formatting;

public sealed class CommentFormattingTests
{
    [Fact]
    public void Comments_keep_their_place_reindented()
    {
        var formatted = SpecFormatter.Format("""
            # header
            // second header line
            experiment t # after the name

              # before model
            model { # after the brace
                # before labels
               labels=3   # three
            heads = 4; depth = 2 // two
                    # end of model
            } # after model
            # between blocks
            train {
            }
            # at the end
            """, FileName);
        Assert.Equal("""
            # header
            // second header line
            experiment t # after the name

            # before model
            model { # after the brace
              # before labels
              labels = 3 # three
              heads = 4
              depth = 2 // two
              # end of model
            } # after model

            # between blocks
            train {
            }

            # at the end

            """.Replace("\r\n", "\n"), formatted.Text);
    }

    [Fact]
    public void Comment_markers_inside_strings_are_text()
    {
        var formatted = SpecFormatter.Format("experiment t\ndata { train = \"a#b//c.json\" # real\n}\n", FileName);
        Assert.Equal("experiment t\n\ndata {\n  train = \"a#b//c.json\" # real\n}\n", formatted.Text);
    }

    [Fact]
    public void Comments_inside_a_multi_line_value_go_before_its_field()
    {
        var formatted = SpecFormatter.Format("experiment t\nevaluation {\n  metrics = [mAP, # main\n    acc]\n}\n", FileName);
        Assert.Equal("experiment t\n\nevaluation {\n  # main\n  metrics = [mAP, acc]\n}\n", formatted.Text);
    }

    [Theory]
    [MemberData(nameof(ShippedSpecs))]
    public void Shipped_specs_keep_every_comment_and_format_idempotently(string name)
    {
        var text = File.ReadAllText(Shipped(name));
        var once = SpecFormatter.Format(text, FileName).Text!;
        Assert.Equal(Comments(text), Comments(once));
        Assert.Equal(once, SpecFormatter.Format(once, FileName).Text);
    }

    public static IEnumerable<object[]> ShippedSpecs() => ShippedNames.Select(name => new object[] { name });

    private static string[] Comments(string text) =>
        text.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith('#') || line.StartsWith("//")).ToArray();
}
