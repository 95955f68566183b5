using AstDsl.Model;
using static TorchSharp.torch;

namespace AstDsl.Training.Tests;

/// <summary>
/// Fresh models for the training tests. AstModel's timm-style initialisation currently leaves every tensor it
/// passes to TorchSharp 0.107's nn.init.trunc_normal_ filled with the constant 0.02 (tokens, position embeddings,
/// block Linear weights), which collapses the LayerNorms and nearly stops learning from scratch. Until runtime/Model
/// fixes that, constant tensors among those are redrawn here (normal, std 0.02, cut at two std), so these tests
/// measure the training loop; once the model initialises correctly the redraw finds nothing constant and does nothing.
/// </summary>
internal static class TestModels
{
    public static AstModel Create(AstOptions options)
    {
        var model = new AstModel(options);
        using var noGrad = no_grad();
        foreach (var (name, parameter) in model.named_parameters())
        {
            var timmInitialised = name.EndsWith("_token", StringComparison.Ordinal) || name.EndsWith("pos_embed", StringComparison.Ordinal)
                                  || (name.StartsWith("v.blocks.", StringComparison.Ordinal) && name.EndsWith(".weight", StringComparison.Ordinal) && !name.Contains("norm", StringComparison.Ordinal));
            if (timmInitialised && parameter.numel() > 1 && parameter.max().item<float>() == parameter.min().item<float>())
                parameter.normal_(0, 0.02).clamp_(-0.04, 0.04);
        }
        return model;
    }
}
