using AstDsl.Dsl.Serialization;
using Xunit;
using static AstDsl.Dsl.Tests.Checking.DiagnosticIdTests;
using static AstDsl.Dsl.Tests.Support.Specs;

namespace AstDsl.Dsl.Tests.Checking;

/// <summary>Self-supervised pretraining specs (<c>pretrain { }</c>) and the fine-tuning specs that name them.</summary>
public sealed class PretrainSpecTests
{
    private const string FineTuning = """
        experiment ft
        model {
          labels = 10
          stride = 10 x 10
          pretrain = ssl("pre.astckpt", spec: "pre.ast")
        }
        features { target_length = 512 frames }
        data {
          train = "t.json"
          eval = "e.json"
          label_csv = "l.csv"
        }
        """;

    [Fact]
    public void A_pretraining_spec_needs_no_labels_and_resolves_its_objective()
    {
        var result = Check(PretrainingSpec);
        Assert.Empty(result.Diagnostics);
        var masking = result.Spec!.Pretrain.MaskedModeling!;
        Assert.Equal((1.0, 10.0, 300, true), (masking.MpcWeight, masking.MpgWeight, masking.MaskedPatches, masking.Cluster));
        Assert.Contains("pretrain:\n  objective:\n    kind: ssl\n    mpc: 1\n    mpg: 10\n  masked_patches: 300\n  cluster: true", SpecYaml.Serialize(result.Spec).Replace("\r", ""));
    }

    [Fact]
    public void A_supervised_spec_keeps_its_yaml_and_has_no_masked_modeling()
    {
        var spec = Check(Minimal).Spec!;
        Assert.Null(spec.Pretrain.MaskedModeling);
        Assert.DoesNotContain("masked_patches", SpecYaml.Serialize(spec));
    }

    [Fact]
    public void Masking_every_patch_is_out_of_range_at_the_field()
    {
        // 128 x 1024 with 16 x 16 patches at stride 10: 12 x 101 = 1212 patches.
        var d = Single(Check(PretrainingSpec.Replace("masked_patches = 300", "masked_patches = 1212")), "AST0007", 8, 20);
        Assert.StartsWith("1212 masked patches leave nothing visible: the model has 1212 patches (12 x 101)", d.Message);
    }

    [Fact]
    public void Objectives_that_both_weigh_zero_are_refused()
    {
        var d = Single(Check(PretrainingSpec.Replace("ssl(mpc: 1, mpg: 10)", "ssl(mpc: 0, mpg: 0)")), "AST0007", 7, 15);
        Assert.Contains("both objectives weigh 0", d.Message);
    }

    [Fact]
    public void Weight_averaging_and_ensembles_need_a_classifier()
    {
        var result = Check(PretrainingSpec + "\ntrain {\n  epochs = 5\n  wa = 2..5\n}\nevaluation {\n  ensemble = on\n}\n");
        Assert.Equal(new[] { (12, 8), (15, 14) }, result.Diagnostics.Where(d => d.Id == "AST0007").Select(d => (d.Span.Line, d.Span.Column)));
    }

    [Fact]
    public void A_fine_tuning_spec_may_change_stride_and_length_but_not_the_patch()
    {
        var result = Check(("ft.ast", FineTuning), ("pre.ast", PretrainingSpec));
        Assert.Empty(result.Diagnostics);
        Assert.Equal((PretrainKind.Ssl, "pre.astckpt", "pre.ast"), (result.Spec!.Pretrain.Kind, result.Spec.Pretrain.CheckpointPath, result.Spec.Pretrain.SpecPath));
    }

    [Fact]
    public void Naming_a_supervised_spec_as_the_pretraining_spec_is_refused()
    {
        var d = Single(Check(("ft.ast", FineTuning), ("pre.ast", Minimal)), "AST0026", 5, 14, "ft.ast");
        Assert.Equal("'pre.ast' is not a pretraining spec (it has no `pretrain { }` block); name the spec that wrote the checkpoint", d.Message);
    }

    [Fact]
    public void A_different_trunk_is_refused_with_every_difference()
    {
        var d = Single(Check(("ft.ast", FineTuning.Replace("labels = 10", "labels = 10\n  size = tiny224")), ("pre.ast", PretrainingSpec)), "AST0026", 6, 14, "ft.ast");
        Assert.Equal("the trunk differs from the pretraining spec 'pre.ast': width 192 here, 768 there, heads 3 here, 12 there; use the pretraining spec's model shape", d.Message);
    }

    [Fact]
    public void A_missing_pretraining_spec_is_located_at_the_pretrain_field()
    {
        var d = Single(Check(("ft.ast", FineTuning)), "AST0026", 5, 14, "ft.ast");
        Assert.StartsWith("the pretraining spec 'pre.ast' does not check (", d.Message);
    }
}
