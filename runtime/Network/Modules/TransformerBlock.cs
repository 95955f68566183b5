using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AstDsl.Network.Modules;

/// <summary>Pre-norm transformer block: x + attn(norm1(x)), then x + mlp(norm2(x)). LayerNorm eps per <see cref="AstOptions.BackboneLayerNormEps"/>.</summary>
public sealed class TransformerBlock : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm norm1;
    private readonly Attention attn;
    private readonly LayerNorm norm2;
    private readonly Mlp mlp;

    /// <summary>Creates <c>norm1</c>, <c>attn</c>, <c>norm2</c> and <c>mlp</c>, whose products compute in the backbone's <paramref name="precision"/>.</summary>
    public TransformerBlock(AstOptions options, MixedPrecision precision) : base(nameof(TransformerBlock))
    {
        norm1 = nn.LayerNorm(options.Width, eps: options.BackboneLayerNormEps);
        attn = new Attention(options, precision);
        norm2 = nn.LayerNorm(options.Width, eps: options.BackboneLayerNormEps);
        mlp = new Mlp(options, precision);
        register_module(nameof(norm1), norm1);
        register_module(nameof(attn), attn);
        register_module(nameof(norm2), norm2);
        register_module(nameof(mlp), mlp);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        // add with an explicit alpha rather than "+", whose implicit alpha Scalar a collection could free mid-call.
        var afterAttention = x.add(attn.forward(norm1.forward(x)), HeldScalars.One);
        return afterAttention.add(mlp.forward(norm2.forward(afterAttention)), HeldScalars.One).MoveToOuterDisposeScope();
    }
}
