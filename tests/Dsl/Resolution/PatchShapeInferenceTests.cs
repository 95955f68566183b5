using AstDsl.Dsl.Inference;
using Xunit;
using static AstDsl.Dsl.Tests.Support.Specs;

namespace AstDsl.Dsl.Tests.Resolution;

/// <summary>Rectangular patches (SSAST), frequency/time positions and patchout (PaSST) in shapes, parameters and FLOPs.</summary>
public sealed class PatchShapeInferenceTests
{
    // The defaults are the paper's AudioSet model (base384, 128 mel bins x 1024 frames, stride 10: a 12 x 101 grid);
    // the minimal spec has 10 labels instead of 527: 86,594,063 - 517 x 769 parameters.
    private const long PaperParameters = 86_594_063 - 517 * 769;

    [Fact]
    public void Frame_patches_of_128_x_2_with_stride_128_x_1_give_one_row_of_1023_columns()
    {
        var spec = Check(MinimalWith("model { patch = 128 x 2; stride = 128 x 1}")).Spec!;
        Assert.Equal((16 * 16, 128, 2), (spec.Model.FPatch * spec.Model.TPatch, spec.Model.FPatch, spec.Model.TPatch));
        Assert.Equal((1, 1023, 1023, 1025), (spec.Shapes.FDim, spec.Shapes.TDim, spec.Shapes.PatchCount, spec.Shapes.TokenCount));
        // Same projection size (128 * 2 = 16 * 16), so only the position rows differ from the paper model: 1025 vs 1214.
        Assert.Equal(PaperParameters + (1025 - 1214) * 768L, spec.Shapes.ParameterCount);
    }

    [Fact]
    public void Freqtime_positions_have_one_row_per_frequency_row_and_time_column()
    {
        var spec = Check(MinimalWith("model { position = freqtime}")).Spec!;
        Assert.Equal(PositionKind.FreqTime, spec.Model.Position);
        Assert.Equal(PaperParameters - 1214 * 768L + (2 + 12 + 101) * 768L, spec.Shapes.ParameterCount);
        Assert.Equal(new[] { "v.new_pos_embed", "v.freq_new_pos_embed", "v.time_new_pos_embed" }, StateDictKeys.For(spec.Model).Skip(2).Take(3));
    }

    [Theory]
    [InlineData("structured(freq: 4, time: 40)", 8 * 61 + 2)]
    [InlineData("structured(time: 40)", 12 * 61 + 2)]
    [InlineData("unstructured(0.5)", 1212 - 606 + 2)]
    [InlineData("unstructured(share: 0.999)", 1212 - 1210 + 2)]
    [InlineData("none", 1214)]
    public void Patchout_sets_the_training_tokens_and_flops_but_not_evaluation(string patchout, int trainingTokens)
    {
        var spec = Check(MinimalWith($"model {{ patchout = {patchout} }}")).Spec!;
        Assert.Equal((1214, trainingTokens), (spec.Shapes.TokenCount, spec.Shapes.TrainingTokenCount));
        Assert.Equal(ShapeInference.Flops(spec.Model, 1212, 1214), spec.Shapes.Flops);
        Assert.Equal(ShapeInference.Flops(spec.Model, 1212, trainingTokens), spec.Shapes.TrainingFlops);
        Assert.Equal(PaperParameters, spec.Shapes.ParameterCount);
    }

    [Fact]
    public void Structured_patchout_of_the_passt_setting_cuts_the_training_forward_to_about_a_third()
    {
        var spec = Check(MinimalWith("model { patchout = structured(freq: 4, time: 40)}")).Spec!;
        Assert.InRange((double)spec.Shapes.TrainingFlops / spec.Shapes.Flops, 0.35, 0.40);
    }
}
