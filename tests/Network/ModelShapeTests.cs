using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Network.Tests;

/// <summary>Every backbone size builds, has the official parameter count and maps (B, T, F) to (B, labels).</summary>
public sealed class ModelShapeTests
{
    [Theory]
    [InlineData(ModelSize.Tiny224, 192)]
    [InlineData(ModelSize.Small224, 384)]
    [InlineData(ModelSize.Base224, 768)]
    [InlineData(ModelSize.Base384, 768)]
    public void Sizes_give_batch_by_labels_logits(ModelSize size, int width)
    {
        var options = AstOptions.ForSize(size, 35) with { InputTDim = 128 };
        using var model = new AstModel(options);
        model.eval();
        using var noGrad = no_grad();
        using var input = randn(3, 128, 128);
        using var output = model.forward(input);
        Assert.Equal(new long[] { 3, 35 }, output.shape);
        using var pooled = model.Pool(input);
        Assert.Equal(new long[] { 3, width }, pooled.shape);
        Assert.Equal(ExpectedParameterCount(options), model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Plain_vit_has_one_token_and_no_distillation_parameter()
    {
        var options = new AstOptions { LabelCount = 4, InputTDim = 64, Width = 32, Depth = 2, Heads = 4, DistillationToken = false };
        using var model = new AstModel(options);
        var keys = model.state_dict().Keys.ToList();
        Assert.DoesNotContain("v.dist_token", keys);
        Assert.Equal(new long[] { 1, options.PatchCount + 1, 32 }, model.state_dict()["v.pos_embed"].shape);
        using var output = model.forward(randn(2, 64, 128));
        Assert.Equal(new long[] { 2, 4 }, output.shape);
    }

    [Fact]
    public void State_dict_keys_follow_the_official_names()
    {
        using var model = new AstModel(new AstOptions { LabelCount = 5, InputTDim = 64, Width = 32, Depth = 2, Heads = 2 });
        var keys = model.state_dict().Keys.ToHashSet();
        foreach (var key in new[]
                 {
                     "v.cls_token", "v.dist_token", "v.pos_embed", "v.patch_embed.proj.weight", "v.patch_embed.proj.bias",
                     "v.blocks.1.norm1.weight", "v.blocks.1.attn.qkv.weight", "v.blocks.1.attn.qkv.bias",
                     "v.blocks.1.attn.proj.weight", "v.blocks.1.norm2.bias", "v.blocks.1.mlp.fc1.weight",
                     "v.blocks.1.mlp.fc2.bias", "v.norm.weight", "v.norm.bias", "mlp_head.0.weight", "mlp_head.1.bias",
                 })
            Assert.Contains(key, keys);
        // tokens, positions and patch projection; 12 tensors per block; final norm; head LayerNorm + Linear.
        Assert.Equal(5 + 2 * 12 + 2 + 4, keys.Count);
    }

    [Fact]
    public void Wrong_input_shape_is_explained()
    {
        using var model = new AstModel(new AstOptions { LabelCount = 2, InputTDim = 64, Width = 32, Depth = 1, Heads = 2 });
        var error = Assert.Throws<ArgumentException>(() => model.forward(randn(1, 100, 64)));
        Assert.Contains("(batch, 16 to any number of frames (trained on 64), 128 mel bins); got (1, 100, 64)", error.Message);
        error = Assert.Throws<ArgumentException>(() => model.forward(randn(1, 15, 128)));
        Assert.Contains("got (1, 15, 128)", error.Message);
    }

    [Fact]
    public void Invalid_options_name_the_language_key()
    {
        var error = Assert.Throws<ArgumentException>(() => new AstOptions { Width = 100, Heads = 3 }.Validate());
        Assert.Equal("model.heads (3) must divide model.width (100).", error.Message);
    }

    private static long ExpectedParameterCount(AstOptions o)
    {
        long d = o.Width, hidden = o.Width * o.MlpRatio;
        var block = 2 * d + (3 * d * d + 3 * d) + (d * d + d) + 2 * d + (d * hidden + hidden) + (hidden * d + d);
        return d * o.SpecialTokenCount + o.TokenCount * d + (d * o.FPatch * o.TPatch + d)
               + o.Depth * block + 2 * d + 2 * d + (d * o.LabelCount + o.LabelCount);
    }
}
