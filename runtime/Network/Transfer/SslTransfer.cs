using AstDsl.Network.Checkpoints;
using static TorchSharp.torch;

namespace AstDsl.Network.Transfer;

/// <summary>
/// Initialises a network from a self-supervised pretraining checkpoint (<c>pretrain ssl</c>), as SSAST's fine-tuning
/// path: the trunk <c>v.*</c> is copied; the mask embedding and the pretraining heads stay behind; the classifier
/// starts fresh; the position embeddings are fitted to the fine-tuning grid (centre crop or bilinear resize per axis,
/// <see cref="PositionEmbeddingAdapter"/>), so the fine-tuning input length and strides may differ. The patch size and
/// trunk must be the pretraining ones (the checker enforces it when the spec names its pretraining spec).
/// </summary>
public static class SslTransfer
{
    /// <summary>The key only pretraining checkpoints have.</summary>
    public const string MaskEmbeddingKey = "mask_embed";

    /// <summary>Transfers <paramref name="stateDict"/>, pretrained with the shape <paramref name="source"/>, into <paramref name="model"/>.</summary>
    /// <exception cref="CheckpointException">Not a pretraining checkpoint, or its patch size or trunk differs from the model's.</exception>
    public static void Apply(AstNetwork model, IReadOnlyDictionary<string, Tensor> stateDict, AstOptions source, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stateDict);
        ArgumentNullException.ThrowIfNull(source);
        if (!stateDict.ContainsKey(MaskEmbeddingKey))
            throw new CheckpointException(sourcePath, $"has no '{MaskEmbeddingKey}': it was not written by a pretraining spec (a spec with a `pretrain {{ }}` block). Use `pretrain audioset` or `imagenet` for other checkpoints.");
        var target = model.Options;
        if (source.FPatch != target.FPatch || source.TPatch != target.TPatch || source.Width != target.Width || source.Depth != target.Depth
            || source.Heads != target.Heads || source.MlpRatio != target.MlpRatio || source.DistillationToken != target.DistillationToken)
            throw new CheckpointException(sourcePath,
                $"was pretrained with patch {source.FPatch} x {source.TPatch}, width {source.Width}, depth {source.Depth}, heads {source.Heads}, mlp_ratio {source.MlpRatio}, " +
                $"{(source.DistillationToken ? "distilled" : "cls")} tokens; the model has patch {target.FPatch} x {target.TPatch}, width {target.Width}, depth {target.Depth}, " +
                $"heads {target.Heads}, mlp_ratio {target.MlpRatio}, {(target.DistillationToken ? "distilled" : "cls")} tokens. Use the pretraining spec's model shape (strides and input length may differ).");
        if (source.Position != PositionKind.Grid || target.Position != PositionKind.Grid)
            throw new CheckpointException(sourcePath,
                "SSL fine-tuning adapts one grid of position embeddings; pretrain and fine-tune with `position = grid` (freqtime is not transferred yet).");
        var copied = stateDict.Where(kv => kv.Key.StartsWith("v.", StringComparison.Ordinal) && kv.Key != "v.pos_embed")
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        using var positions = PositionEmbeddingAdapter.Adapt(
            ParameterCopy.Required(stateDict, "v.pos_embed", sourcePath, "the position embeddings"),
            target.SpecialTokenCount, (source.FDim, source.TDim), (target.FDim, target.TDim));
        copied["v.pos_embed"] = positions;
        ParameterCopy.Into(model, copied, sourcePath);
    }
}
