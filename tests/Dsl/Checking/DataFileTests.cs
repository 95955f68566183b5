using Xunit;
using static AstDsl.Dsl.Tests.Support.Specs;

namespace AstDsl.Dsl.Tests.Checking;

/// <summary>`astc check` looks for the data files a spec names and warns (AST0024) at the field when one is missing.</summary>
public sealed class DataFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("astdsl-data-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Spec(string extraData = "", string model = "")
    {
        var text = Minimal
            .Replace("\"train.json\"", "\"data/train_{fold}.json\"")
            .Replace("  label_csv = \"labels.csv\"", "  label_csv = \"labels.csv\"\n  folds = 1..3" + extraData)
            .Replace("  labels = 10", "  labels = 10" + model);
        var path = Path.Combine(folder, "spec.ast");
        File.WriteAllText(path, text);
        return path;
    }

    private void Touch(params string[] files)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "");
        }
    }

    [Fact]
    public void Every_folds_datafile_is_looked_for_and_the_missing_ones_are_named_at_the_field()
    {
        Touch("data/train_1.json", "eval.json", "labels.csv");
        var spec = Spec();
        var result = SpecCompiler.Load(spec);
        var d = Single(result, "AST0024", 6, 11, spec);
        Assert.Equal(
            $"'data.train' names '{folder}/data/train_2.json', '{folder}/data/train_3.json', which do not exist (yet); paths are relative to the spec's folder",
            d.Message);
        Assert.False(d.IsError);
        Assert.NotNull(result.Spec); // a warning: the files may be made before the run
    }

    [Fact]
    public void Label_csv_sample_weights_and_checkpoint_are_looked_for_too()
    {
        Touch("data/train_1.json", "data/train_2.json", "data/train_3.json", "eval.json");
        var spec = Spec("\n  sample_weights = \"weights_{fold}.csv\"", "\n  size = tiny224\n  pretrain imagenet \"deit_tiny.pth\"");
        var warnings = SpecCompiler.Load(spec).Diagnostics.Where(d => d.Id == "AST0024").ToList();
        Assert.Equal(
            new[] { (5, 12, "model.pretrain"), (10, 15, "data.label_csv"), (12, 20, "data.sample_weights") },
            warnings.Select(d => (d.Span.Line, d.Span.Column, d.Message.Substring(1, d.Message.IndexOf('\'', 1) - 1))));
    }

    [Fact]
    public void A_directory_where_a_file_should_be_is_reported_and_nothing_is_looked_for_in_memory()
    {
        Touch("data/train_1.json", "data/train_2.json", "data/train_3.json", "labels.csv");
        Directory.CreateDirectory(Path.Combine(folder, "eval.json"));
        var spec = Spec();
        Single(SpecCompiler.Load(spec), "AST0024", 7, 10, spec);
        Assert.Empty(Check(File.ReadAllText(spec)).Diagnostics); // the generator's in-memory check does no file I/O
    }
}
