using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AstDsl.Network.Modules;

/// <summary>
/// Multi-head self-attention with one fused q/k/v projection (timm naming <c>qkv</c>, <c>proj</c>), computed by the
/// backbone's <see cref="MixedPrecision.Attention"/> (scale 1/sqrt(head_dim), as timm).
/// </summary>
public sealed class Attention : nn.Module<Tensor, Tensor>
{
    private readonly Linear qkv;
    private readonly Linear proj;
    private readonly Dropout proj_drop;
    private readonly int heads;
    private readonly double attentionDropRate;
    private readonly MixedPrecision precision;

    /// <summary>Creates <c>qkv</c> Linear(D, 3D) and <c>proj</c> Linear(D, D), computing in the backbone's <paramref name="precision"/>.</summary>
    public Attention(AstOptions options, MixedPrecision precision) : base(nameof(Attention))
    {
        this.precision = precision;
        heads = options.Heads;
        attentionDropRate = options.AttentionDropRate;
        qkv = nn.Linear(options.Width, 3 * options.Width, hasBias: true);
        proj = nn.Linear(options.Width, options.Width);
        proj_drop = nn.Dropout(options.DropRate);
        register_module(nameof(qkv), qkv);
        register_module(nameof(proj), proj);
        register_module(nameof(proj_drop), proj_drop);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (batch, tokens, width) = (x.shape[0], x.shape[1], x.shape[2]);
        // (B, N, 3D) -> (3, B, heads, N, head_dim): the row order of qkv.weight is [q; k; v], each split by head.
        // q, k and v leave qkv in the compute precision, so attention runs in it too (softmax accumulates in float32).
        var parts = precision.Linear(qkv, x).reshape(batch, tokens, 3, heads, width / heads).permute(2, 0, 3, 1, 4);
        var attended = precision.Attention(parts[0], parts[1], parts[2], attentionDropRate, training);
        var merged = attended.transpose(1, 2).reshape(batch, tokens, width);
        return proj_drop.forward(precision.Linear(proj, merged)).MoveToOuterDisposeScope();
    }
}
