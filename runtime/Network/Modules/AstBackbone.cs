using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AstDsl.Network.Modules;

/// <summary>
/// The DeiT/ViT trunk the official AST keeps under the name <c>v</c>: patch embedding, class (and distillation)
/// token, learned position embeddings, the transformer blocks and the final LayerNorm. Its stages are public so a
/// generated network (and masked-patch pretraining) can compose them: <see cref="EmbedPatches"/>,
/// <see cref="AddPositions"/>, <see cref="DropPatches"/>, <see cref="Blocks"/>, <see cref="Norm"/>.
/// </summary>
public sealed class AstBackbone : nn.Module<Tensor, Tensor>
{
    private readonly AstOptions options;
    private readonly Parameter cls_token;
    private readonly Parameter? dist_token;
    // Grid positions (official): one row per token.
    private readonly Parameter? pos_embed;
    // Frequency/time positions (PaSST's names): special tokens (1, S, D), rows (1, D, F, 1), columns (1, D, 1, T).
    private readonly Parameter? new_pos_embed;
    private readonly Parameter? freq_new_pos_embed;
    private readonly Parameter? time_new_pos_embed;
    private readonly PatchEmbedding patch_embed;
    private readonly Dropout pos_drop;
    private readonly ModuleList<TransformerBlock> blocks;
    private readonly LayerNorm norm;
    private readonly MixedPrecision precision = new();

    /// <summary>Creates the trunk with timm's initialisation (truncated normal, std 0.02, for tokens and position embeddings).</summary>
    public AstBackbone(AstOptions options) : base(nameof(AstBackbone))
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        cls_token = Register(nameof(cls_token), 1, 1, options.Width);
        if (options.DistillationToken) dist_token = Register(nameof(dist_token), 1, 1, options.Width);
        if (options.Position == PositionKind.Grid)
        {
            pos_embed = Register(nameof(pos_embed), 1, options.TokenCount, options.Width);
        }
        else
        {
            new_pos_embed = Register(nameof(new_pos_embed), 1, options.SpecialTokenCount, options.Width);
            freq_new_pos_embed = Register(nameof(freq_new_pos_embed), 1, options.Width, options.FDim, 1);
            time_new_pos_embed = Register(nameof(time_new_pos_embed), 1, options.Width, 1, options.TDim);
        }
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

    /// <summary>Tokens after the final LayerNorm: (B, special + patches, D), from a (B, 1, F, T) image; fewer patches in training with patchout.</summary>
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
        var x = Blocks(DropPatches(AddPositions(EmbedPatches(image))), blockCount);
        return (finalNorm ? Norm(x) : x).MoveToOuterDisposeScope();
    }

    /// <summary>Patch embeddings (B, F_dim * T_dim, D) of a (B, 1, F, T) image, frequency-major.</summary>
    public Tensor EmbedPatches(Tensor image) => patch_embed.forward(image);

    /// <summary>
    /// The rest of the trunk on embedded patches (B, patches, D) after masked pretraining replaced some of them:
    /// special tokens, position embeddings, the first <paramref name="blockCount"/> blocks, the final LayerNorm when
    /// <paramref name="finalNorm"/>. Every patch is kept (no patchout): masked modeling predicts at their positions.
    /// </summary>
    public Tensor Encode(Tensor patches, int blockCount, bool finalNorm)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(blockCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blockCount, blocks.Count);
        using var scope = NewDisposeScope();
        var x = Blocks(AddPositions(patches), blockCount);
        return (finalNorm ? Norm(x) : x).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The class (and distillation) token before the patches, position embeddings added for the patch grid's own
    /// number of columns, then dropout: (B, special + patches, D).
    /// </summary>
    public Tensor AddPositions(Tensor patches)
    {
        ArgumentNullException.ThrowIfNull(patches);
        using var scope = NewDisposeScope();
        var batch = patches.shape[0];
        var special = dist_token is null
            ? cls_token.expand(batch, -1, -1)
            : cat(new[] { cls_token.expand(batch, -1, -1), dist_token.expand(batch, -1, -1) }, 1);
        var positions = Positions(Columns(patches));
        // add with an explicit alpha rather than "+", whose implicit alpha Scalar a collection could free mid-call.
        return pos_drop.forward(cat(new[] { special, patches }, 1).add(positions, HeldScalars.One)).MoveToOuterDisposeScope();
    }

    /// <summary>In training with patchout, the tokens PaSST keeps (after <see cref="AddPositions"/>); otherwise all of them.</summary>
    public Tensor DropPatches(Tensor tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (!training || options.Patchout.Kind == PatchoutKind.None) return tokens.alias();
        var columns = (int)(tokens.shape[1] - options.SpecialTokenCount) / options.FDim;
        return Patchout.Drop(tokens, options.SpecialTokenCount, options.FDim, columns, options.Patchout);
    }

    /// <summary>Tokens after the first <paramref name="count"/> transformer blocks.</summary>
    public Tensor Blocks(Tensor tokens, int count)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        using var scope = NewDisposeScope();
        var x = tokens.alias();
        foreach (var block in blocks.Take(count)) x = GradientCheckpointing && training ? BlockCheckpoint.Run(block, x) : block.forward(x);
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>The final LayerNorm.</summary>
    public Tensor Norm(Tensor tokens) => norm.forward(tokens);

    // Patch rows are fixed by the mel bins; the columns follow the clip's length.
    private int Columns(Tensor patches) => (int)patches.shape[1] / options.FDim;

    private Tensor Positions(int columns) => pos_embed is not null
        ? PatchPositions.Grid(pos_embed, options.SpecialTokenCount, options.FDim, options.TDim, columns)
        : PatchPositions.FreqTime(new_pos_embed!, freq_new_pos_embed!, time_new_pos_embed!, columns);

    private Parameter Register(string name, params long[] shape)
    {
        var parameter = new Parameter(zeros(shape));
        register_parameter(name, parameter);
        return parameter;
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
        foreach (var token in new[] { pos_embed, new_pos_embed, freq_new_pos_embed, time_new_pos_embed, cls_token, dist_token }.OfType<Parameter>())
            nn.init.normal_(token, mean: 0, std: 0.02);
        foreach (var linear in blocks.modules().OfType<Linear>())
        {
            nn.init.normal_(linear.weight, mean: 0, std: 0.02);
            if (linear.bias is not null) nn.init.zeros_(linear.bias);
        }
    }
}
