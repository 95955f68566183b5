using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Tests.Support;
using Xunit;
using static AstDsl.Dsl.Tests.Support.Specs;

namespace AstDsl.Dsl.Tests.Checking;

/// <summary>One test per diagnostic id, each pinning the exact line and column.</summary>
public sealed class DiagnosticIdTests
{
    [Fact]
    public void AST0001_syntax_error_points_at_the_unexpected_token()
    {
        var result = Check("experiment t\nmodel {\n  labels = = 3\n}\n");
        var d = Single(result, "AST0001", 3, 12);
        Assert.Contains("unexpected '='", d.Message);
        Assert.Null(result.Spec);
    }

    [Fact]
    public void AST0001_every_malformed_line_is_reported_and_parsing_resumes()
    {
        var result = Check("experiment t\nmodel {\n  labels 10 20\n  width = \n}\ntrain { batch = [1, }\n");
        Assert.Equal(
            new[] { (3, 10), (5, 1), (6, 19) },
            result.Diagnostics.Where(d => d.Id == "AST0001").Select(d => (d.Span.Line, d.Span.Column)));
    }

    [Fact]
    public void AST0001_brackets_nested_too_deep_are_refused_before_parsing()
    {
        var deep = new string('[', 10_000);
        var d = Single(Check($"experiment t\ntrain {{\n  x = {deep}\n}}\n"), "AST0001", 3, 7 + 63);
        Assert.Contains("deeper than 64", d.Message);
    }

    [Fact]
    public void AST0001_missing_header()
    {
        Single(Check("model { labels = 3 }"), "AST0001", 1, 1);
    }

    [Fact]
    public void AST0001_unclosed_block_points_at_end_of_file()
    {
        var d = Single(Check("experiment t\nmodel {\n  labels = 3\n"), "AST0001", 4, 1);
        Assert.Contains("opened at line 2", d.Message);
    }

    [Fact]
    public void AST0002_unknown_block_suggests_the_closest_name()
    {
        var d = Single(Check(MinimalWith("modle {\n  width = 64\n}")), "AST0002", 10, 1);
        Assert.Contains("did you mean 'model'?", d.Message);
    }

    [Fact]
    public void AST0003_unknown_field_suggests_the_closest_name()
    {
        var d = Single(Check(MinimalWith("train {\n  bacth = 4\n}")), "AST0003", 11, 3);
        Assert.Contains("did you mean 'batch'?", d.Message);
    }

    [Fact]
    public void AST0004_field_set_twice_in_one_file()
    {
        var d = Single(Check(MinimalWith("train {\n  batch = 4\n  batch = 8\n}")), "AST0004", 12, 3);
        Assert.Contains("line 11", d.Message);
    }

    [Fact]
    public void AST0004_argument_given_twice()
    {
        Single(Check(MinimalWith("train { optimizer = adam(lr: 1e-4, lr: 1e-3) }")), "AST0004", 10, 36);
    }

    [Fact]
    public void AST0005_wrong_type()
    {
        var d = Single(Check(MinimalWith("train {\n  batch = \"many\"\n}")), "AST0005", 11, 11);
        Assert.Contains("a whole number", d.Message);
    }

    [Fact]
    public void AST0006_wrong_unit()
    {
        var d = Single(Check(MinimalWith("features {\n  frame_length = 25 kHz\n}")), "AST0006", 11, 18);
        Assert.Contains("ms or s", d.Message);
    }

    [Fact]
    public void AST0007_out_of_range()
    {
        var d = Single(Check(MinimalWith("train { batch = 0 }")), "AST0007", 10, 17);
        Assert.Equal("'train.batch' must be in [1, 65536], got 0", d.Message);
    }

    [Fact]
    public void AST0011_each_stride_axis_is_checked_against_its_own_patch_side()
    {
        Assert.True(Check(MinimalWith("model { patch = 128 x 2; stride = 128 x 1 }")).Succeeded);
        var d = Single(Check(MinimalWith("model { patch = 128 x 2; stride = 1 x 3 }")), "AST0011", 10, 35);
        Assert.Equal("stride 1 x 3 is larger than the patch (128 x 2), so some input is never seen; use a stride of at most 128 x 2", d.Message);
    }

    [Fact]
    public void AST0008_missing_required_block_points_at_the_experiment_name()
    {
        var d = Single(Check("experiment t\nmodel { labels = 3 }\ndata { train = \"a\"; eval = \"b\" }\n"), "AST0008", 3, 1);
        Assert.Contains("data.label_csv", d.Message);
        Single(Check("experiment t\ndata { train = \"a\"; eval = \"b\"; label_csv = \"c\" }\n"), "AST0008", 1, 12);
    }

    [Fact]
    public void AST0008_missing_required_argument()
    {
        Single(Check(MinimalWith("model { pretrain = imagenet() }")), "AST0008", 10, 20);
    }

    [Fact]
    public void AST0009_missing_extended_spec()
    {
        var d = Single(Check("experiment t extends \"nowhere/base.ast\"\n"), "AST0009", 1, 22);
        Assert.Contains("nowhere/base.ast", d.Message);
    }

    [Fact]
    public void AST0009_an_unreadable_spec_is_reported_not_thrown()
    {
        var folder = Directory.CreateTempSubdirectory("astdsl-dir-").FullName;
        try
        {
            var d = Single(SpecCompiler.Load(folder), "AST0009", 1, 1, folder);
            Assert.Contains("cannot read spec", d.Message);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public void AST0010_cycle_in_extends()
    {
        var result = Check(("a.ast", "experiment a extends \"b.ast\"\n"), ("b.ast", "experiment b extends \"a.ast\"\n"));
        var d = Single(result, "AST0010", 1, 22, "b.ast");
        Assert.Contains("a.ast -> b.ast -> a.ast", d.Message);
    }

    [Fact]
    public void AST0011_stride_larger_than_patch()
    {
        Single(Check(MinimalWith("model {\n  stride = 20 x 10\n}")), "AST0011", 11, 12);
    }

    [Fact]
    public void AST0012_heads_do_not_divide_width()
    {
        var d = Single(Check(MinimalWith("model {\n  width = 64\n  heads = 5\n}")), "AST0012", 12, 11);
        Assert.Contains("1, 2, 4, 8, 16, 32, 64", d.Message);
    }

    [Fact]
    public void AST0013_input_smaller_than_a_patch()
    {
        Single(Check(MinimalWith("features {\n  mel_bins = 8\n}")), "AST0013", 11, 14);
    }

    [Fact]
    public void AST0014_non_positive_learning_rate()
    {
        Single(Check(MinimalWith("train {\n  optimizer = adam(lr: 0)\n}")), "AST0014", 11, 24);
    }

    [Fact]
    public void AST0015_probability_outside_unit_interval()
    {
        Single(Check(MinimalWith("augment {\n  mixup = 1.5\n}")), "AST0015", 11, 11);
    }

    [Fact]
    public void AST0016_model_input_differs_from_features()
    {
        var d = Single(Check(MinimalWith("model {\n  input = 64 x 100\n}")), "AST0016", 11, 11);
        Assert.Contains("128 x 1024", d.Message);
    }

    [Fact]
    public void AST0017_audioset_checkpoint_needs_width_768()
    {
        var d = Single(Check(MinimalWith("model {\n  size = small224\n  pretrain audioset \"as.pth\"\n}")), "AST0017", 12, 12);
        Assert.Contains("base384", d.Message);
    }

    [Fact]
    public void AST0017_imagenet_checkpoint_width_from_its_name()
    {
        Single(Check(MinimalWith("model {\n  pretrain = imagenet(\"deit_tiny_patch16_224.pth\")\n}")), "AST0017", 11, 14);
    }

    [Fact]
    public void AST0018_unknown_option_suggests_the_closest()
    {
        var d = Single(Check(MinimalWith("train {\n  loss = bcee\n}")), "AST0018", 11, 10);
        Assert.Contains("did you mean 'bce'?", d.Message);
    }

    [Fact]
    public void AST0018_unknown_precision_lists_the_options()
    {
        var d = Single(Check(MinimalWith("train {\n  precision = fp16\n}")), "AST0018", 11, 15);
        Assert.Contains("'fp16' is not an option of 'train.precision'", d.Message);
        Assert.Contains("fp32", d.Message);
    }

    [Fact]
    public void AST0019_unknown_argument_suggests_the_closest()
    {
        var d = Single(Check(MinimalWith("train {\n  schedule = multistep(strat: 2)\n}")), "AST0019", 11, 24);
        Assert.Contains("did you mean 'start'?", d.Message);
    }

    [Fact]
    public void AST0020_reversed_range()
    {
        Single(Check(MinimalWith("train {\n  wa = 5..2\n}")), "AST0020", 11, 8);
    }

    [Fact]
    public void AST0020_weight_averaging_past_the_last_epoch()
    {
        var d = Single(Check(MinimalWith("train {\n  epochs = 5\n  wa = 1..10\n}")), "AST0020", 12, 8);
        Assert.Contains("5 epochs", d.Message);
    }

    [Fact]
    public void AST0021_main_metric_not_reported()
    {
        Single(Check(MinimalWith("evaluation {\n  metrics = [acc]\n  main = mAP\n}")), "AST0021", 12, 10);
    }

    [Fact]
    public void AST0020_keep_checkpoints_too_few_for_weight_averaging()
    {
        var d = Single(Check(MinimalWith("train {\n  epochs = 10\n  wa = 4..10\n  keep_checkpoints = 3\n}")), "AST0020", 13, 22);
        Assert.Equal("keeping 3 epoch checkpoints is too few for train.wa = 4..10 over 10 epochs; keep at least 7 (or drop keep_checkpoints to get exactly that)", d.Message);
    }

    [Fact]
    public void AST0022_folds_without_placeholder_is_an_error_as_in_the_runtime()
    {
        var result = Check(MinimalWith("data {\n  folds = 1..5\n}"));
        var d = Single(result, "AST0022", 11, 11);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("folds are listed but neither data.train nor data.eval contains {fold}, so every fold trains on the same split; write e.g. \"train_{fold}.json\"", d.Message);
        Assert.Null(result.Spec);
    }

    [Fact]
    public void AST0022_a_fold_placeholder_without_folds()
    {
        var d = Single(Check(Minimal.Replace("\"train.json\"", "\"train_{fold}.json\"")), "AST0022", 6, 11);
        Assert.Equal("a datafile contains {fold} but data.folds is empty; list the folds, e.g. `folds = 1..5`, or write the file name without {fold}", d.Message);
    }

    [Fact]
    public void AST0023_two_specs_declaring_one_experiment_fail_at_the_later_spec()
    {
        var specs = new[] { GeneratorHarness.Text("/specs/a.ast", Minimal), GeneratorHarness.Text("/specs/b.ast", "\n" + Minimal) };
        GeneratorHarness.Driver(specs).RunGeneratorsAndUpdateCompilation(GeneratorHarness.EmptyCompilation(), out _, out var diagnostics);
        var clash = Assert.Single(diagnostics, d => d.Id == "AST0023");
        var position = clash.Location.GetLineSpan();
        Assert.Equal(("/specs/b.ast", 2, 12), (position.Path, position.StartLinePosition.Line + 1, position.StartLinePosition.Character + 1));
        Assert.Contains("/specs/a.ast", clash.GetMessage());
    }

    [Fact]
    public void AST0024_a_missing_data_file_is_a_warning_at_its_field()
    {
        var folder = Directory.CreateTempSubdirectory("astdsl-missing-").FullName;
        try
        {
            var spec = Path.Combine(folder, "spec.ast");
            File.WriteAllText(spec, Minimal);
            File.WriteAllText(Path.Combine(folder, "train.json"), "");
            File.WriteAllText(Path.Combine(folder, "eval.json"), "");
            var d = Single(SpecCompiler.Load(spec), "AST0024", 8, 15, spec);
            Assert.Equal($"'data.label_csv' names '{folder}/labels.csv', which does not exist (yet); paths are relative to the spec's folder", d.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AST0025_a_spec_over_1_MB_is_refused_before_parsing()
    {
        var d = Single(Check("experiment t\n" + new string('#', 1_000_000)), "AST0025", 1, 1);
        Assert.StartsWith("'spec.ast' is longer than 1 MB", d.Message);
    }

    [Fact]
    public void AST0026_a_fine_tuning_patch_that_differs_from_the_named_pretraining_spec()
    {
        var result = Check(
            ("ft.ast", "experiment ft\nmodel {\n  labels = 10\n  patch = 8\n  stride = 8\n  pretrain = ssl(\"pre.astckpt\", spec: \"pre.ast\")\n}\n" +
                       "data {\n  train = \"t.json\"\n  eval = \"e.json\"\n  label_csv = \"l.csv\"\n}\n"),
            ("pre.ast", PretrainingSpec));
        var d = Single(result, "AST0026", 4, 11, "ft.ast");
        Assert.Equal("patch 8 x 8 differs from the pretraining spec's 16 x 16 ('pre.ast'); the patch embedding was learned on 16 x 16 patches, " +
                     "so write `patch = 16` (strides may differ)", d.Message);
        Assert.Null(result.Spec);
    }

    /// <summary>A pretraining spec: no labels, no label CSV, a pretrain block (the shared test for SSL specs).</summary>
    internal const string PretrainingSpec = """
        experiment pre
        data {
          train = "pool/"
          eval = "pool.json"
        }
        pretrain {
          objective = ssl(mpc: 1, mpg: 10)
          masked_patches = 300
        }
        """;

    [Fact]
    public void AST0027_pretrained_weights_need_16_by_16_patches_and_grid_positions()
    {
        var patch = Single(Check(MinimalWith("model {\n  patch = 128 x 2; stride = 128 x 1\n  pretrain = imagenet(\"deit_base.pth\")\n}")), "AST0027", 12, 14);
        Assert.Equal("imagenet weights have 16 x 16 patches but the model's are 128 x 2; write `patch = 16` or `pretrain = none`", patch.Message);
        var position = Single(Check(MinimalWith("model { position = freqtime; pretrain = audioset(\"as.pth\") }")), "AST0027", 10, 41);
        Assert.Equal("audioset weights have one grid of position embeddings but the model has `position = freqtime`; write `position = grid` or `pretrain = none`", position.Message);
    }

    [Fact]
    public void AST0028_patchout_that_leaves_no_patch_points_at_the_patchout()
    {
        // 128 mel bins x 1024 frames with 16 x 16 patches, stride 10: a 12 x 101 grid.
        var d = Single(Check(MinimalWith("model { patchout = structured(freq: 12, time: 10) }")), "AST0028", 10, 20);
        Assert.Equal("patchout structured(freq: 12, time: 10) leaves no patch of the 12 x 101 grid for training; drop fewer than 12 frequency rows and 101 time columns, or a share below 1", d.Message);
        Assert.True(Check(MinimalWith("model { patchout = structured(freq: 11, time: 100) }")).Succeeded);
    }

    [Fact]
    public void Every_catalogued_id_has_a_test_here_and_a_line_in_the_documentation()
    {
        var tests = typeof(DiagnosticIdTests).GetMethods().Select(m => m.Name).ToList();
        var documentation = System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DIAGNOSTICS.md"));
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            Assert.Contains(tests, name => name.StartsWith(descriptor.Id + "_", StringComparison.Ordinal));
            Assert.Contains($"| {descriptor.Id} |", documentation);
        }
    }
}
