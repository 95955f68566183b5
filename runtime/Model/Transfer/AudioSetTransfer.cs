using AstDsl.Model.Checkpoints;
using static TorchSharp.torch;

namespace AstDsl.Model.Transfer;

/// <summary>
/// Initialises an AST from an official AudioSet-trained AST checkpoint (base384, 128 bins x 1024 frames, stride
/// 10, so a 12 x 101 patch grid) for a new input length and label count, as the official
/// <c>audioset_pretrain=True</c> path: the backbone is copied, position embeddings are cropped from the grid
/// centre or resized, and the classifier head starts fresh. Unlike the official code, the patch convolution takes
/// the spec's strides (the 16x16 kernel itself does not depend on them).
/// </summary>
public static class AudioSetTransfer
{
    /// <summary>Patch grid of the released AudioSet checkpoints (frequency x time).</summary>
    public static readonly (int F, int T) SourceGrid = (12, 101);

    /// <summary>Reads an AudioSet AST checkpoint and transfers it into <paramref name="model"/>.</summary>
    public static void Apply(AstNetwork model, string checkpointPath) =>
        Apply(model, StateDictFile.Read(checkpointPath), checkpointPath);

    /// <summary>Transfers an already loaded AST state dict (keys <c>v.*</c>, <c>mlp_head.*</c>, no <c>module.</c>).</summary>
    public static void Apply(AstNetwork model, IReadOnlyDictionary<string, Tensor> ast, string sourcePath)
    {
        var options = model.Options;
        var copied = ast.Where(kv => kv.Key.StartsWith("v.", StringComparison.Ordinal)
                                     && !AstStateDict.IsUnusedImageNetHead(kv.Key) && kv.Key != "v.pos_embed")
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        if (copied.Count == 0)
            throw new CheckpointException(sourcePath, "has no 'v.*' keys: it is not an AST checkpoint. For a timm DeiT/ViT file use pretrain imagenet.");
        using var pos = AdaptPositions(ParameterCopy.Required(ast, "v.pos_embed", sourcePath, "the position embeddings"), options, sourcePath);
        copied["v.pos_embed"] = pos;
        ParameterCopy.Into(model, copied, sourcePath);
    }

    /// <summary>The official adaptation of AudioSet position embeddings (1, 2 + 12*101, D) to <paramref name="options"/>' grid.</summary>
    public static Tensor AdaptPositions(Tensor sourcePosEmbed, AstOptions options, string sourcePath)
    {
        var expected = options.SpecialTokenCount + SourceGrid.F * SourceGrid.T;
        if (sourcePosEmbed.shape[1] != expected)
            throw new CheckpointException(sourcePath,
                $"'v.pos_embed' has {sourcePosEmbed.shape[1]} rows; an AudioSet AST checkpoint (12 x 101 grid, {options.SpecialTokenCount} special tokens) has {expected}.");
        return PositionEmbeddingAdapter.Adapt(sourcePosEmbed, options.SpecialTokenCount, SourceGrid, (options.FDim, options.TDim));
    }
}
