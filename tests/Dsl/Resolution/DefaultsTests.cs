using Xunit;
using static AstDsl.Dsl.Tests.Support.Specs;

namespace AstDsl.Dsl.Tests.Resolution;

public sealed class DefaultsTests
{
    [Fact]
    public void Unset_fields_take_the_official_defaults()
    {
        var spec = Check(Minimal).Spec!;
        var f = spec.Features;
        Assert.Equal((16000, 128, 25.0, 10.0, 1024, WindowKind.Hanning), (f.SampleRate, f.MelBins, f.FrameLengthMs, f.FrameShiftMs, f.TargetLength, f.Window));
        Assert.Equal((-4.2677393, 4.5689974), (f.NormMean, f.NormStd));
        var m = spec.Model;
        Assert.Equal((ModelSize.Base384, 768, 12, 12, 16, 10, 10, true), (m.Size, m.Width, m.Depth, m.Heads, m.FPatch, m.FStride, m.TStride, m.DistillationToken));
        var o = spec.Train.Optimizer;
        Assert.Equal((OptimizerKind.Adam, 0.95, 0.999, 5e-7), (o.Kind, o.Beta1, o.Beta2, o.WeightDecay));
        Assert.Equal(PretrainKind.None, spec.Pretrain.Kind);
        Assert.Equal(LossKind.Bce, spec.Train.Loss);
    }

    [Fact]
    public void Units_convert_to_base_units()
    {
        var spec = Check(MinimalWith("features {\n  sample_rate = 22.05 kHz\n  frame_length = 0.032 s\n  frame_shift = 16 ms\n  target_length = 4 s\n}")).Spec!;
        Assert.Equal((22050, 32.0, 16.0, 250), (spec.Features.SampleRate, spec.Features.FrameLengthMs, spec.Features.FrameShiftMs, spec.Features.TargetLength));
    }

    [Fact]
    public void Presets_fix_width_depth_and_heads_unless_overridden()
    {
        var tiny = Check(MinimalWith("model { size = tiny224 }")).Spec!.Model;
        Assert.Equal((192, 12, 3), (tiny.Width, tiny.Depth, tiny.Heads));
        var custom = Check(MinimalWith("model { size = small224; depth = 4 }")).Spec!.Model;
        Assert.Equal((ModelSize.Custom, 384, 4, 6), (custom.Size, custom.Width, custom.Depth, custom.Heads));
        Assert.Equal(ModelSize.Small224, Check(MinimalWith("model { size = small224; width = 384 }")).Spec!.Model.Size);
    }

    [Fact]
    public void Calls_fill_unnamed_arguments_by_position_and_defaults_for_the_rest()
    {
        var spec = Check(MinimalWith("train {\n  optimizer = adamw(3e-4)\n  schedule = plateau(patience: 4, factor: 0.25)\n  wa = 2..5\n  clip = 1.5\n}")).Spec!;
        Assert.Equal((OptimizerKind.AdamW, 3e-4, 5e-7), (spec.Train.Optimizer.Kind, spec.Train.Optimizer.LearningRate, spec.Train.Optimizer.WeightDecay));
        Assert.Equal((ScheduleKind.Plateau, 4, 0.25), (spec.Train.Schedule.Kind, spec.Train.Schedule.Patience, spec.Train.Schedule.PlateauFactor));
        Assert.Equal((2, 5), spec.Train.WeightAveraging);
        Assert.Equal(1.5, spec.Train.ClipNorm);
    }

    [Fact]
    public void Keep_checkpoints_defaults_to_exactly_the_epochs_weight_averaging_reads()
    {
        Assert.Equal(0, Check(Minimal).Spec!.Train.KeepCheckpoints);
        Assert.Equal(7, Check(MinimalWith("train {\n  epochs = 10\n  wa = 4..9\n}")).Spec!.Train.KeepCheckpoints);
        Assert.Equal(12, Check(MinimalWith("train {\n  epochs = 10\n  wa = 4..9\n  keep_checkpoints = 12\n}")).Spec!.Train.KeepCheckpoints);
    }

    [Fact]
    public void Precision_and_gradient_checkpointing_default_to_fp32_and_off()
    {
        Assert.Equal((Precision.Fp32, false), (Check(Minimal).Spec!.Train.Precision, Check(Minimal).Spec!.Train.GradientCheckpointing));
        var spec = Check(MinimalWith("train {\n  precision = bf16\n  gradient_checkpointing = on\n}")).Spec!;
        Assert.Equal((Precision.Bf16, true), (spec.Train.Precision, spec.Train.GradientCheckpointing));
    }

    [Fact]
    public void Defaults_come_from_the_contract_records()
    {
        var spec = Check(Minimal).Spec!;
        Assert.Equal(new FeatureSettings(), spec.Features);
        Assert.Equal(new AugmentSettings(), spec.Augment);
        Assert.Equal(new TrainSettings(), spec.Train);
        Assert.Equal(new PretrainSettings(), spec.Pretrain);
        Assert.Equal((true, 2, 0.5), (spec.Train.Schedule.Warmup, spec.Train.Schedule.DecayStart, spec.Train.Schedule.Gamma));
    }
}
