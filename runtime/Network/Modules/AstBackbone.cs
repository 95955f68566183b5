using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AstDsl.Network.Modules;

/// <summary>
/// The DeiT/ViT trunk the official AST keeps under the name <c>v</c>: patch embedding, class (and distillation)
/// token, learned position embeddings, the transformer blocks and the final LayerNorm.
/// </summary>
public sealed class AstBackbone : nn.Module<Tensor, Tensor>
{
    private readonly Parameter cls_token;
    private readonly Parameter? dist_token;
    private readonly Parameter pos_embed;
    private readonly PatchEmbedding patch_embed;
    private readonly Dropout pos_drop;
    private readonly ModuleList<TransformerBlock> blocks;
    private readonly LayerNorm norm;
    private readonly MixedPrecision precision = new();

    /// <summary>Creates the trunk with timm's initialisation (truncated normal, std 0.02, for tokens and position embeddings).</summary>
    public AstBackbone(AstOptions options) : base(nameof(AstBackbone))
    {
        cls_token = new Parameter(zeros(1, 1, options.Width));
        register_parameter(nameof(cls_token), cls_token);
        if (options.DistillationToken)
        {
            dist_token = new Parameter(zeros(1, 1, options.Width));
            register_parameter(nameof(dist_token), dist_token);
        }
        pos_embed = new Parameter(zeros(1, options.TokenCount, options.Width));
        register_parameter(nameof(pos_embed), pos_embed);
        patch_embed = new PatchEmbedding(options, precision);
        pos_drop = nn.Dropout(options.DropRate);
        blocks = nn.ModuleList(Enumerable.Range(0, options.Depth).Select(_ => new TransformerBlock(options, precision)).ToArray());
        norm = nn.LayerNorm(options.Width, eps: options.BackboneLayerNormEps);
        register_module(nameof(patch_embed), patch_embed);
        register_module(nameof(pos_drop), pos_drop);
        register_module(nameof(blocks), blocks);
        register_module(nameof(norm), norm);
        InitialiseLikeTimm();
    }

    /// <summary>The arithmetic of the patch projection and the blocks' products, shared by all of them.</summary>
    public MixedPrecision Precision => precision;

    /// <summary>Recompute each block's activations in the backward pass instead of keeping them (see <see cref="BlockCheckpoint"/>).</summary>
    public bool GradientCheckpointing { get; set; }

    /// <summary>Tokens after the final LayerNorm: (B, special + patches, D), from a (B, 1, F, T) image.</summary>
    public override Tensor forward(Tensor image) => Tokens(image, blocks.Count, finalNorm: true);

    /// <summary>
    /// Tokens (B, special + patches, D) after the first <paramref name="blockCount"/> transformer blocks, then the final
    /// LayerNorm when <paramref name="finalNorm"/> (the intermediate layers of embeddings).
    /// </summary>
    public Tensor Tokens(Tensor image, int blockCount, bool finalNorm)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(blockCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blockCount, blocks.Count);
        using var scope = NewDisposeScope();
        var patches = patch_embed.forward(image);
        var batch = patches.shape[0];
        var special = dist_token is null
            ? cls_token.expand(batch, -1, -1)
            : cat(new[] { cls_token.expand(batch, -1, -1), dist_token.expand(batch, -1, -1) }, 1);
        // add with an explicit alpha rather than "+", whose implicit alpha Scalar a collection could free mid-call.
        var x = pos_drop.forward(cat(new[] { special, patches }, 1).add(pos_embed, HeldScalars.One));
        foreach (var block in blocks.Take(blockCount)) x = GradientCheckpointing && training ? BlockCheckpoint.Run(block, x) : block.forward(x);
        return (finalNorm ? norm.forward(x) : x).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) precision.Dispose();
        base.Dispose(disposing);
    }

    private void InitialiseLikeTimm()
    {
        using var noGrad = no_grad();
        // timm draws trunc_normal_(std=0.02, a=-2, b=2): the bounds are absolute, i.e. +-100 sigma, so this is a
        // plain normal. (TorchSharp 0.107's nn.init.trunc_normal_ fills the tensor with the constant std instead.)
        foreach (var token in new[] { pos_embed, cls_token, dist_token }.OfType<Parameter>())
            nn.init.normal_(token, mean: 0, std: 0.02);
        foreach (var linear in blocks.modules().OfType<Linear>())
        {
            nn.init.normal_(linear.weight, mean: 0, std: 0.02);
            if (linear.bias is not null) nn.init.zeros_(linear.bias);
        }
    }
}
