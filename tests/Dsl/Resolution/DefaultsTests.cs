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
        Assert.Equal((16000, 128, 25.0, 10.0, 1024, "hanning"), (f.SampleRate, f.MelBins, f.FrameLengthMs, f.FrameShiftMs, f.TargetLength, f.Window));
        Assert.Equal((-4.2677393, 4.5689974), (f.NormMean, f.NormStd));
        var m = spec.Model;
        Assert.Equal(("base384", 768, 12, 12, 16, 10, 10, true), (m.Size, m.Width, m.Depth, m.Heads, m.PatchSize, m.FStride, m.TStride, m.DistillationToken));
        var o = spec.Train.Optimizer;
        Assert.Equal(("adam", 0.95, 0.999, 5e-7), (o.Name, o.Beta1, o.Beta2, o.WeightDecay));
        Assert.Equal("none", spec.Pretrain.Kind);
        Assert.Equal("bce", spec.Train.Loss);
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
        Assert.Equal(("custom", 384, 4, 6), (custom.Size, custom.Width, custom.Depth, custom.Heads));
        Assert.Equal("small224", Check(MinimalWith("model { size = small224; width = 384 }")).Spec!.Model.Size);
    }

    [Fact]
    public void Calls_fill_unnamed_arguments_by_position_and_defaults_for_the_rest()
    {
        var spec = Check(MinimalWith("train {\n  optimizer = adamw(3e-4)\n  schedule = plateau(patience: 4, factor: 0.25)\n  wa = 2..5\n  clip = 1.5\n}")).Spec!;
        Assert.Equal(("adamw", 3e-4, 5e-7), (spec.Train.Optimizer.Name, spec.Train.Optimizer.LearningRate, spec.Train.Optimizer.WeightDecay));
        Assert.Equal(("plateau", 4, 0.25), (spec.Train.Schedule.Kind, spec.Train.Schedule.Patience, spec.Train.Schedule.PlateauFactor));
        Assert.Equal((2, 5), (spec.Train.WeightAveragingStart, spec.Train.WeightAveragingEnd));
        Assert.Equal(1.5, spec.Train.ClipNorm);
    }
}
