using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Loading;
using Xunit;

namespace AstDsl.Dsl.Tests.Support;

/// <summary>Spec texts and checks shared by the tests.</summary>
internal static class Specs
{
    public const string FileName = "spec.ast";

    /// <summary>The smallest valid spec: everything but labels and the datafiles is defaulted.</summary>
    public const string Minimal = """
        experiment tiny
        model {
          labels = 10
        }
        data {
          train = "train.json"
          eval = "eval.json"
          label_csv = "labels.csv"
        }
        """;

    /// <summary>The path of a shipped spec copied next to the test assembly.</summary>
    public static string Shipped(string name) => Path.Combine(AppContext.BaseDirectory, "models", name + ".ast");

    /// <summary>Names of the shipped specs.</summary>
    public static readonly string[] ShippedNames = { "audioset", "audioset_balanced", "esc50", "speechcommands", "demo", "demo_ssl", "demo_finetune" };

    public static SpecCompilation Check(string text) => SpecCompiler.Compile(text, FileName);

    public static SpecCompilation Check(params (string Path, string Text)[] files) =>
        SpecCompiler.Load(files[0].Path, new InMemoryFileSystem(files.Select(f => new KeyValuePair<string, string>(f.Path, f.Text))));

    /// <summary>The minimal spec with <paramref name="extra"/> appended as further blocks (line 10 onwards).</summary>
    public static string MinimalWith(string extra) => Minimal + "\n" + extra;

    /// <summary>Asserts that <paramref name="result"/> reports exactly one <paramref name="id"/>, at the given position, and returns it.</summary>
    public static Diagnostic Single(SpecCompilation result, string id, int line, int column, string file = FileName)
    {
        var matching = result.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"expected one {id}, got: {string.Join(" | ", result.Diagnostics)}");
        var diagnostic = matching[0];
        Assert.Equal((file, line, column), (diagnostic.Span.File, diagnostic.Span.Line, diagnostic.Span.Column));
        return diagnostic;
    }
}
