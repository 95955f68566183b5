using AstDsl.Network.Modules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AstDsl.Network;

/// <summary>
/// The Audio Spectrogram Transformer for any shape given at run time. Input: log-mel frames (B, T, F) as the
/// official dataloader returns them; output: logits (B, labels). State-dict keys equal the official <c>ASTModel</c>'s
/// (<c>v.*</c>, <c>mlp_head.*</c>), so checkpoints move both ways. Specs generate their own network class from the
/// same building blocks; this one serves checkpoints whose spec is not at hand.
/// </summary>
public sealed class AstModel : TrunkNetwork
{
    private readonly Sequential mlp_head;

    /// <summary>Builds a freshly initialised model of the given shape.</summary>
    public AstModel(AstOptions options) : base(nameof(AstModel), options)
    {
        mlp_head = ClassifierHead.Create(Options);
        register_module(nameof(mlp_head), mlp_head);
    }

    /// <inheritdoc />
    public override Tensor Head(Tensor pooled)
    {
        using var scope = NewDisposeScope();
        return mlp_head.forward(pooled).MoveToOuterDisposeScope();
    }
}
