using AstDsl.Dsl.Inference;
using AstDsl.Dsl.Resolved;
using Xunit;

namespace AstDsl.Dsl.Tests.Resolution;

public sealed class ShapeInferenceTests
{
    private static AstOptions Model(int inputT, int width = 768, int depth = 12, int heads = 12, int labels = 527, bool distilled = true, int stride = 10) =>
        new() { Width = width, Depth = depth, Heads = heads, FStride = stride, TStride = stride, InputTDim = inputT, DistillationToken = distilled, LabelCount = labels };

    private static readonly AstOptions Tiny = new()
    {
        Size = ModelSize.Custom, Width = 2, Depth = 1, Heads = 1, FStride = 16, TStride = 16, InputFDim = 16, InputTDim = 16,
        DistillationToken = false, LabelCount = 3,
    };

    [Theory]
    [InlineData(1024, 12, 101, 1214)]
    [InlineData(512, 12, 50, 602)]
    [InlineData(128, 12, 12, 146)]
    public void Grids_match_the_papers_settings(int frames, int fDim, int tDim, int tokens)
    {
        var shapes = ShapeInference.Infer(Model(frames));
        Assert.Equal((fDim, tDim, tokens), (shapes.FDim, shapes.TDim, shapes.TokenCount));
    }

    [Fact]
    public void Parameters_count_every_official_tensor()
    {
        // width 2, depth 1, 1 head, 3 labels, one 16x16 patch, class token only:
        // cls 2 + pos 2*2 + conv 2*256+2 + block (4 + 12+6 + 4+2 + 4 + 16+8 + 16+2) + norm 4 + head 4 + 6+3
        var tiny = Tiny;
        Assert.Equal(2 + 4 + 514 + 74 + 4 + 13, ShapeInference.Infer(tiny).ParameterCount);
    }

    [Fact]
    public void Flops_count_two_per_multiply_add()
    {
        var tiny = Tiny;
        // N = 2 tokens, D = 2, hidden 8: conv 1*2*256, qkv 2*2*6, scores+context 2*2*2*2, proj 2*2*2, mlp 2*2*2*8, head 2*3
        Assert.Equal(2L * (512 + 24 + 16 + 8 + 64 + 6), ShapeInference.Infer(tiny).Flops);
    }

    [Fact]
    public void The_paper_model_has_about_87_million_parameters()
    {
        var shapes = ShapeInference.Infer(Model(1024));
        Assert.InRange(shapes.ParameterCount, 86_000_000, 88_000_000);
        Assert.Equal(86_594_063, shapes.ParameterCount);
    }
}
