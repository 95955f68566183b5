using AstDsl.Network.Checkpoints;
using AstDsl.Network.Transfer;
using Xunit;

namespace AstDsl.Network.Tests;

/// <summary>The model shape is read off official state dicts: width, depth, heads preset, tokens, patch, strides, labels.</summary>
public sealed class ShapeInferenceTests
{
    [Theory]
    [InlineData("as1024")]
    [InlineData("esc512")]
    [InlineData("sc128")]
    [InlineData("nooverlap100")]
    [InlineData("dense6")]
    public void Golden_cases_give_their_official_shape(string name)
    {
        var expected = GoldenCases.Options(name);
        var full = GoldenCases.FullStateDict(GoldenCases.CaseFile(name));

        var inferred = ShapeInference.Infer(full, new ShapeHints { Frames = expected.InputTDim }, name);

        Assert.Equal(expected, inferred.Options);
        Assert.Contains("3 attention heads: the DeiT/ViT preset for width 192 (checkpoints do not store heads; --heads overrides)", inferred.Notes);
        Assert.Contains(inferred.Notes, n => n.StartsWith($"patch grid {expected.FDim} x {expected.TDim} (stride {expected.FStride} x {expected.TStride})", StringComparison.Ordinal));
    }

    [Fact]
    public void Ambiguous_strides_are_an_error_until_given()
    {
        // asym: 9 x 11 = 99 patches on 128 x 100, which fstride/tstride 13/8, 14/8 and 11/10 all produce.
        var full = GoldenCases.FullStateDict(GoldenCases.CaseFile("asym"));
        var error = Assert.Throws<CheckpointException>(() => ShapeInference.Infer(full, new ShapeHints { Frames = 100 }, "asym.pth"));
        Assert.Equal("asym.pth: its position embeddings hold 99 patch positions, which several stride pairs explain for 128 mel bins x 100 frames " +
                     "with 16x16 patches (11 x 10, 13 x 8, 14 x 8); pass --fstride and --tstride.", error.Message);

        var given = ShapeInference.Infer(full, new ShapeHints { Frames = 100, FStride = 13, TStride = 8 }, "asym.pth");
        Assert.Equal(GoldenCases.Options("asym"), given.Options);
    }

    [Fact]
    public void A_length_no_stride_explains_names_the_length_and_the_strides_tried()
    {
        // The esc512 checkpoint read as if it were trained on 1024 frames: 600 patches fit no stride.
        var full = GoldenCases.FullStateDict(GoldenCases.CaseFile("esc512"));
        var error = Assert.Throws<CheckpointException>(() => ShapeInference.Infer(full, new ShapeHints(), "esc.pth"));
        Assert.Equal("esc.pth: its position embeddings hold 600 patch positions, but no patch stride gives that many for 128 mel bins x 1024 frames " +
                     "with 16x16 patches (tried strides 1..16 in both axes; stride 10: 12 x 101 = 1212, stride 12: 10 x 85 = 850, " +
                     "stride 14: 9 x 73 = 657, stride 16: 8 x 64 = 512). Pass the input length it was trained on with --target-length " +
                     "(AudioSet 1024, ESC-50 512, Speech Commands 128) and --mel-bins if not 128.", error.Message);
    }

    [Fact]
    public void Width_without_a_preset_needs_heads()
    {
        using var model = new AstModel(new AstOptions { LabelCount = 4, InputTDim = 128, Width = 48, Depth = 2, Heads = 4, DistillationToken = false });
        var stateDict = AstStateDict.Of(model);
        var error = Assert.Throws<CheckpointException>(() => ShapeInference.Infer(stateDict, new ShapeHints { Frames = 128 }, "w48.pth"));
        Assert.Equal("w48.pth: has width 48, which is none of the DeiT/ViT presets (192: 3 heads, 384: 6 heads, 768: 12 heads); " +
                     "checkpoints do not store the number of attention heads, so pass it with --heads.", error.Message);

        var inferred = ShapeInference.Infer(stateDict, new ShapeHints { Frames = 128, Heads = 4 }, "w48.pth");
        Assert.Equal(model.Options with { Size = ModelSize.Custom }, inferred.Options);
    }
}
