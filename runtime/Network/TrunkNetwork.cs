using AstDsl.Network.Modules;
using static TorchSharp.torch;

namespace AstDsl.Network;

/// <summary>
/// A hand-written network on the official trunk: one <see cref="AstBackbone"/> registered first under the official name
/// <c>v</c> (so its <c>v.*</c> keys and initialisation order equal the official code's), pooled as the official head pools.
/// Derived networks add what sits on the trunk: a classifier (<see cref="AstModel"/>) or pretraining heads
/// (<see cref="Pretraining.MaskedPatchModel"/>).
/// </summary>
public abstract class TrunkNetwork : AstNetwork
{
    private readonly AstBackbone v;

    /// <summary>Registers the network under <paramref name="name"/> with a freshly initialised trunk of the given shape.</summary>
    protected TrunkNetwork(string name, AstOptions options) : base(name, options)
    {
        v = new AstBackbone(Options);
        register_module(nameof(v), v);
    }

    /// <inheritdoc />
    protected sealed override AstBackbone Backbone => v;

    /// <summary>
    /// The clip embedding (B, D) that feeds the head: the mean of the class and distillation token outputs after the
    /// final LayerNorm, or the class token alone for a plain ViT, of unmasked input.
    /// </summary>
    public sealed override Tensor Pool(Tensor frames)
    {
        using var tokens = Tokens(frames);
        return PoolTokens(tokens);
    }
}
