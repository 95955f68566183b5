using AstDsl.Network.Checkpoints;
using static TorchSharp.torch;

namespace AstDsl.Network.Transfer;

/// <summary>
/// Initialises an AST from an official AudioSet-trained AST checkpoint (base384, 128 bins x 1024 frames) for a new
/// input length and label count, as the official <c>audioset_pretrain=True</c> path: the backbone is copied,
/// position embeddings are cropped from the grid centre or resized, and the classifier head starts fresh. The source
/// grid comes from the checkpoint's position-embedding length (stride 10: 12 x 101, 12: 10 x 85, 14: 9 x 73,
/// 16: 8 x 64), where the official code assumes 12 x 101. Unlike the official code, the patch convolution takes the
/// spec's strides (the 16x16 kernel itself does not depend on them).
/// </summary>
public static class AudioSetTransfer
{
    /// <summary>Input the released AudioSet checkpoints were trained on (mel bins x frames).</summary>
    public static readonly (int MelBins, int Frames) SourceInput = (128, 1024);

    /// <summary>Reads an AudioSet AST checkpoint and transfers it into <paramref name="model"/>.</summary>
    public static void Apply(AstNetwork model, string checkpointPath) =>
        StateDictFile.Use(checkpointPath, ast => Apply(model, ast, checkpointPath));

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

    /// <summary>The official adaptation of AudioSet position embeddings (1, 2 + f*t, D) to <paramref name="options"/>' grid.</summary>
    public static Tensor AdaptPositions(Tensor sourcePosEmbed, AstOptions options, string sourcePath) =>
        PositionEmbeddingAdapter.Adapt(sourcePosEmbed, options.SpecialTokenCount,
            SourceGrid(sourcePosEmbed.shape[1], options.SpecialTokenCount, options.FPatch, sourcePath), (options.FDim, options.TDim));

    /// <summary>The (frequency, time) patch grid of an AudioSet checkpoint whose position embeddings have <paramref name="positionRows"/> rows.</summary>
    /// <exception cref="CheckpointException">No stride on 128 x 1024 input explains the row count.</exception>
    public static (int F, int T) SourceGrid(long positionRows, int specialTokens, int patchSize, string sourcePath)
    {
        var (fs, ts) = PatchGridSearch.FindStrides(positionRows - specialTokens,
            new GridQuery(SourceInput.MelBins, SourceInput.Frames, patchSize), sourcePath,
            $"'v.pos_embed' has {positionRows} rows ({specialTokens} special tokens); an AudioSet AST checkpoint is trained on " +
            $"{SourceInput.MelBins} mel bins x {SourceInput.Frames} frames. For a checkpoint fine-tuned on other input, use it as a model (astc import) or pretrain imagenet.");
        return (PatchGridSearch.GridSide(SourceInput.MelBins, patchSize, fs), PatchGridSearch.GridSide(SourceInput.Frames, patchSize, ts));
    }
}
