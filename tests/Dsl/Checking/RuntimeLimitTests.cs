using Xunit;
using static AstDsl.Dsl.Tests.Support.Specs;

namespace AstDsl.Dsl.Tests.Checking;

/// <summary>Values the runtime cannot run (float overflow, empty frames, unbounded sizes) are refused by the checker, located.</summary>
public sealed class RuntimeLimitTests
{
    [Theory]
    [InlineData("train", "optimizer = adam(lr: 1e300)", "AST0014", 24, "'train.optimizer: adam.lr' must be in (0, 1], got 1e300")]
    [InlineData("features", "frame_shift = 0.001 ms", "AST0007", 17, "a 0.001 ms frame_shift at 16000 Hz is shorter than one sample; use at least 0.063 ms")]
    [InlineData("features", "frame_length = 0.1 ms", "AST0007", 18, "a 0.1 ms frame at 16000 Hz holds fewer than 2 samples; use a frame_length of at least 0.125 ms")]
    [InlineData("features", "std = 1e-320", "AST0007", 9, "'features.std' = 1e-320 does not fit the runtime's 32-bit floats; use 0 or a magnitude between 1.2e-38 and 3.4e38")]
    [InlineData("features", "mean = -1e39", "AST0007", 10, "'features.mean' = -1e39 does not fit the runtime's 32-bit floats; use 0 or a magnitude between 1.2e-38 and 3.4e38")]
    [InlineData("features", "sample_rate = 1 Hz", "AST0007", 17, "'features.sample_rate' must be in [1000, 384000], got 1 Hz")]
    [InlineData("features", "mel_bins = 5000", "AST0007", 14, "'features.mel_bins' must be in [1, 1024], got 5000")]
    [InlineData("features", "target_length = 1e9 s", "AST0007", 19, "target_length is longer than 100000 frames; use shorter clips or a longer frame_shift")]
    [InlineData("model", "width = 100000", "AST0007", 11, "'model.width' must be in [1, 16384], got 100000")]
    [InlineData("model", "mlp_ratio = 100", "AST0007", 15, "'model.mlp_ratio' must be in [1, 64], got 100")]
    [InlineData("train", "batch = 1e6", "AST0007", 11, "'train.batch' must be in [1, 65536], got 1e6")]
    [InlineData("train", "epochs = 1e9", "AST0007", 12, "'train.epochs' must be in [1, 100000], got 1e9")]
    [InlineData("train", "seed = 3000000000", "AST0007", 10, "'train.seed' must be at most 2147483647, got 3000000000")]
    [InlineData("train", "optimizer = adam(weight_decay: 5)", "AST0007", 34, "'train.optimizer: adam.weight_decay' must be in [0, 1], got 5")]
    [InlineData("train", "clip = 1e40", "AST0007", 10, "'train.clip' = 1e40 does not fit the runtime's 32-bit floats; use 0 or a magnitude between 1.2e-38 and 3.4e38")]
    [InlineData("augment", "freqm = 200", "AST0007", 11, "freqm 200 masks more than the 128 mel bins; use at most 128")]
    [InlineData("augment", "timem = 2000", "AST0007", 11, "timem 2000 masks more than the 1024 frames; use at most 1024")]
    [InlineData("evaluation", "metrics = [mAP, mAP, mAP, mAP, mAP]", "AST0007", 13, "'evaluation.metrics' lists 5 items; it takes at most 4")]
    public void A_value_the_runtime_cannot_run_is_one_located_error(string block, string field, string id, int column, string message)
    {
        var result = Check(MinimalWith($"{block} {{\n  {field}\n}}"));
        Assert.Equal(message, Single(result, id, 11, column).Message);
        Assert.Single(result.Diagnostics);
        Assert.Null(result.Spec);
    }

    [Fact]
    public void Data_workers_are_bounded()
    {
        var result = Check(Minimal.Replace("  label_csv = \"labels.csv\"", "  label_csv = \"labels.csv\"\n  workers = 100000"));
        Assert.Equal("'data.workers' must be in [0, 256], got 100000", Single(result, "AST0007", 9, 13).Message);
    }

    [Fact]
    public void An_experiment_name_longer_than_100_characters_is_refused_at_the_name()
    {
        var name = new string('a', 101);
        var result = Check(Minimal.Replace("experiment tiny", "experiment " + name));
        Assert.Equal("the experiment name is 101 characters long; use at most 100 (it becomes a C# class name)", Single(result, "AST0007", 1, 12).Message);
        Assert.NotNull(Check(Minimal.Replace("experiment tiny", "experiment " + new string('a', 100))).Spec);
    }

    [Theory]
    [InlineData("1..2147483647", "'data.folds' must be in [1, 100], got 2147483647")]
    [InlineData("1..100000000", "'data.folds' must be in [1, 100], got 100000000")]
    public void A_huge_fold_range_is_refused_before_it_is_expanded(string folds, string message)
    {
        var result = Check(Minimal.Replace("  label_csv = \"labels.csv\"", $"  label_csv = \"labels.csv\"\n  folds = {folds}"));
        Assert.Equal(message, Single(result, "AST0007", 9, 14).Message); // at the range's end, the number out of bounds
        Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void A_fold_list_longer_than_100_items_is_refused_at_the_list()
    {
        var list = "[" + string.Join(", ", Enumerable.Repeat(1, 101)) + "]";
        var result = Check(Minimal.Replace("  label_csv = \"labels.csv\"", $"  label_csv = \"labels.csv\"\n  folds = {list}"));
        Assert.Equal("'data.folds' lists 101 items; it takes at most 100", Single(result, "AST0007", 9, 11).Message);
    }

    [Fact]
    public void Zero_heads_is_reported_once_without_a_second_error_about_the_default()
    {
        var result = Check(MinimalWith("model {\n  width = 64\n  heads = 0\n}"));
        Assert.Equal("'model.heads' must be in [1, 1024], got 0", Single(result, "AST0007", 12, 11).Message);
        Assert.Single(result.Diagnostics);
    }
}
