using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Network.Tests;

/// <summary>A fresh model is initialised like timm: random N(0, 0.02) tokens, positions and block weights, zero block biases.</summary>
public sealed class InitialisationTests
{
    [Theory]
    [InlineData("v.pos_embed")]
    [InlineData("v.cls_token")]
    [InlineData("v.dist_token")]
    [InlineData("v.blocks.0.attn.qkv.weight")]
    [InlineData("v.blocks.1.mlp.fc2.weight")]
    public void Weights_are_random_with_std_0_02(string key)
    {
        manual_seed(0);
        using var model = new AstModel(new AstOptions { LabelCount = 3, InputTDim = 256, Width = 192, Depth = 2, Heads = 3 });
        var tensor = model.state_dict()[key];
        var std = tensor.std().item<float>();
        Assert.InRange(std, 0.015, 0.025);
        Assert.InRange(Math.Abs(tensor.mean().item<float>()), 0, 0.01);
    }

    [Fact]
    public void Block_biases_start_at_zero_and_outputs_depend_on_input()
    {
        manual_seed(0);
        using var model = new AstModel(new AstOptions { LabelCount = 3, InputTDim = 64, Width = 32, Depth = 2, Heads = 4 });
        Assert.Equal(0, model.state_dict()["v.blocks.0.mlp.fc1.bias"].abs().max().item<float>());
        model.eval();
        using var noGrad = no_grad();
        using var pooled = model.Pool(randn(2, 64, 128));
        Assert.True((pooled[0] - pooled[1]).abs().max().item<float>() > 1e-3, "two different clips pooled to the same embedding");
    }
}
