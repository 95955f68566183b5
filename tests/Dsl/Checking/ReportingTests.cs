using Xunit;
using static AstDsl.Dsl.Tests.Support.Specs;

namespace AstDsl.Dsl.Tests.Checking;

public sealed class ReportingTests
{
    [Fact]
    public void All_problems_of_a_file_are_reported_at_once_in_source_order()
    {
        var result = Check(MinimalWith("""
            model {
              heads = 7
              tokens = distiled
            }
            train {
              batch = 0
              optimizer = adam(lr: -1)
            }
            augment { mixup = 2 }
            """));
        Assert.Equal(
            new[] { "AST0018", "AST0007", "AST0014", "AST0015", "AST0012" }.OrderBy(id => id),
            result.Diagnostics.Select(d => d.Id).OrderBy(id => id));
        Assert.Equal(result.Diagnostics.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column), result.Diagnostics);
        Assert.Null(result.Spec);
    }

    [Fact]
    public void Diagnostics_print_as_compiler_messages()
    {
        var d = Check(MinimalWith("train { batch = 0 }")).Diagnostics.Single();
        Assert.StartsWith("spec.ast(10,17): error AST0007: 'train.batch' must be in [1, 65536], got 0", d.ToString());
    }

    [Fact]
    public void Problems_in_an_extended_spec_are_located_in_that_file()
    {
        var result = Check(
            ("child.ast", "experiment child extends \"base.ast\"\ntrain { batch = 4 }\n"),
            ("base.ast", Minimal + "\ntrain { epochs = 0 }\n"));
        Single(result, "AST0007", 10, 18, "base.ast");
    }
}
