using AstDsl.Dsl.Parsing;
using Xunit;
using static AstDsl.Dsl.Tests.Support.Specs;

namespace AstDsl.Dsl.Tests.Checking;

/// <summary>Every size read from input is bounded: spec files, and the work a long spec costs.</summary>
public sealed class InputSizeTests
{
    [Fact]
    public void An_extended_spec_over_1_MB_is_refused_at_the_extends()
    {
        var result = Check(("a.ast", "experiment a extends \"b.ast\"\n"), ("b.ast", new string(' ', 1_000_001)));
        var d = Single(result, "AST0025", 1, 22, "a.ast");
        Assert.Equal("'b.ast' is longer than 1 MB (1000000 characters) or not a regular file; a spec is a short text file, check the path", d.Message);
    }

    [Fact]
    public void Dev_zero_as_the_spec_or_as_its_base_is_an_error_not_an_endless_read()
    {
        if (!File.Exists("/dev/zero")) return; // a device only Unix has; the in-memory test above covers the rule
        Single(SpecCompiler.Load("/dev/zero"), "AST0025", 1, 1, "/dev/zero");
        var folder = Directory.CreateTempSubdirectory("astdsl-zero-").FullName;
        try
        {
            var spec = Path.Combine(folder, "x.ast");
            File.WriteAllText(spec, "experiment x extends \"/dev/zero\"\n");
            Single(SpecCompiler.Load(spec), "AST0025", 1, 22, spec);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Parsing used to copy the rest of the file at every number (Sprache's Regex), so checking grew with the square of
    /// the length (80,000 list items: 44 s). Allocation is a deterministic stand-in for time: doubling the list must
    /// about double it, where the copying made it four times as large.
    /// </summary>
    [Fact]
    public void Parsing_work_grows_linearly_with_list_length()
    {
        static long AllocatedParsing(int items)
        {
            var text = $"experiment t\ndata {{\n  folds = [{string.Join(", ", Enumerable.Range(1, items))}]\n}}\n";
            var before = GC.GetAllocatedBytesForCurrentThread();
            Assert.True(SpecParser.Parse(text, FileName).Succeeded);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        AllocatedParsing(100); // warm-up: first-call allocations are not per item
        var ratio = (double)AllocatedParsing(20_000) / AllocatedParsing(10_000);
        Assert.InRange(ratio, 1.5, 2.5);
    }
}
