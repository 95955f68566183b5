using AstDsl.Audio.Data;
using AstDsl.Audio.Prepare;

namespace AstDsl.Audio.Tests.Prepare;

public sealed class WeightFileTests
{
    [Fact]
    public void Weights_follow_the_official_formula_and_round_trip()
    {
        using var dir = new TempDir();
        var labels = dir.Write("labels.csv", "index,mid,display_name\n0,/m/a,A\n1,/m/b,B\n2,/m/c,C\n");
        var datafile = dir.Write("train_data.json",
            "{\"data\": [{\"wav\": \"1.wav\", \"labels\": \"/m/a\"}, {\"wav\": \"2.wav\", \"labels\": \"/m/a,/m/b\"}, {\"wav\": \"3.wav\", \"labels\": \"/m/a\"}]}");
        var path = WeightFile.Generate(datafile, labels);
        Assert.Equal(dir.File("train_data_weight.csv"), path);
        var weights = SampleWeights.Load(path);
        var a = 1000.0 / 3.01;
        var b = 1000.0 / 1.01;
        Assert.Equal(new[] { a, a + b, a }, weights);
        Assert.Matches(@"^\d\.\d{18}e\+\d\d$", File.ReadLines(path).First());
    }

    [Fact]
    public void Malformed_weights_name_the_line()
    {
        using var dir = new TempDir();
        var path = dir.Write("w.csv", "1.0e+00\n2.5\n-3\n");
        var e = Assert.Throws<DatasetFormatException>(() => SampleWeights.Load(path));
        Assert.Equal(3, e.Line);
        Assert.Contains("'-3'", e.Message);
    }
}
