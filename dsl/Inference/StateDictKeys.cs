namespace AstDsl.Dsl.Inference;

/// <summary>
/// The official state-dict keys of a model (<c>v.*</c> for the DeiT/ViT trunk, <c>mlp_head.*</c> for the head), in the
/// order TorchSharp lists them: own parameters before submodules. Generated networks publish this list, and the tests
/// check it against the built network, so checkpoints move both ways with the official code.
/// </summary>
public static class StateDictKeys
{
    private static readonly string[] BlockTensors =
    {
        "norm1.weight", "norm1.bias", "attn.qkv.weight", "attn.qkv.bias", "attn.proj.weight", "attn.proj.bias",
        "norm2.weight", "norm2.bias", "mlp.fc1.weight", "mlp.fc1.bias", "mlp.fc2.weight", "mlp.fc2.bias",
    };

    /// <summary>Every key of <paramref name="model"/>'s state dict.</summary>
    public static ValueList<string> For(AstOptions model)
    {
        var tokens = model.DistillationToken ? new[] { "v.cls_token", "v.dist_token" } : new[] { "v.cls_token" };
        var blocks = Enumerable.Range(0, model.Depth).SelectMany(block => BlockTensors.Select(tensor => $"v.blocks.{block}.{tensor}"));
        return tokens
            .Concat(PositionKeys(model.Position))
            .Concat(new[] { "v.patch_embed.proj.weight", "v.patch_embed.proj.bias" })
            .Concat(blocks)
            .Concat(new[] { "v.norm.weight", "v.norm.bias", "mlp_head.0.weight", "mlp_head.0.bias", "mlp_head.1.weight", "mlp_head.1.bias" })
            .ToValueList();
    }

    /// <summary>The position-embedding keys: the official grid, or PaSST's special-token, frequency and time embeddings.</summary>
    public static IReadOnlyList<string> PositionKeys(PositionKind position) => position == PositionKind.Grid
        ? new[] { "v.pos_embed" }
        : new[] { "v.new_pos_embed", "v.freq_new_pos_embed", "v.time_new_pos_embed" };
}
