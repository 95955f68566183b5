using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Network.Tests;

/// <summary>Recomputing the blocks in the backward pass changes memory, not numbers.</summary>
[Collection(GlobalRandomCollection.Name)]
public sealed class GradientCheckpointingTests
{
    [Theory]
    [InlineData(Precision.Fp32, 0.0)]
    [InlineData(Precision.Fp32, 0.2)] // dropout: the recomputation must draw the same masks
    [InlineData(Precision.Bf16, 0.0)]
    public void Gradients_with_and_without_checkpointing_are_equal(Precision precision, double dropout)
    {
        var plain = Gradients(checkpointing: false, precision, dropout);
        var recomputed = Gradients(checkpointing: true, precision, dropout);
        Assert.Equal(plain.Keys, recomputed.Keys);
        foreach (var (name, gradient) in plain)
        {
            var difference = (gradient - recomputed[name]).abs().max().item<float>();
            Assert.True(difference <= 1e-6, $"{name}: gradients differ by {difference:E2}");
        }
    }

    [Fact]
    public void Blocks_still_get_gradients_when_the_embedding_is_frozen()
    {
        using var model = MixedPrecisionTests.Tiny();
        model.train();
        model.GradientCheckpointing = true;
        // With the embedding frozen no gradient flows into the first block's input, so a recomputation would never
        // be triggered: checkpointing must then run the block plainly rather than drop its gradients.
        foreach (var (name, parameter) in model.named_parameters().Where(p => !p.name.StartsWith("v.blocks", StringComparison.Ordinal) && !p.name.StartsWith("v.norm", StringComparison.Ordinal) && !p.name.StartsWith("mlp_head", StringComparison.Ordinal)))
            parameter.requires_grad_(false);
        using var input = randn(2, 32, 32);
        using var loss = model.forward(input).square().mean();
        loss.backward();
        Assert.All(model.named_parameters().Where(p => p.name.StartsWith("v.blocks", StringComparison.Ordinal)),
            p => Assert.True(p.parameter.grad is { } g && g.abs().sum().item<float>() > 0, p.name));
    }

    private static Dictionary<string, Tensor> Gradients(bool checkpointing, Precision precision, double dropout)
    {
        manual_seed(3);
        using var model = MixedPrecisionTests.Tiny(dropout);
        model.train();
        model.GradientCheckpointing = checkpointing;
        model.Precision.Use(precision);
        using var input = randn(4, 32, 32);
        manual_seed(5);
        using var loss = model.forward(input).square().mean();
        loss.backward();
        return model.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.clone());
    }
}
