using AstDsl.Network.Checkpoints;
using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Network.Transfer;

/// <summary>
/// Initialises an AST from an ImageNet-pretrained timm DeiT/ViT state dict, as the paper: the RGB patch
/// projection is folded to one channel by SUMMING its three input channels (the official code sums, it does not
/// average), the bias is kept, the square position-embedding grid is cropped or resized to the audio patch grid,
/// tokens, blocks and final norm are copied, and the ImageNet heads are dropped. The classifier head keeps its
/// fresh initialisation.
/// </summary>
public static class ImageNetTransfer
{
    /// <summary>Reads <paramref name="checkpointPath"/> (.pth or .safetensors) and transfers it into <paramref name="model"/>.</summary>
    public static void Apply(AstNetwork model, string checkpointPath) =>
        StateDictFile.Use(checkpointPath, timm => Apply(model, timm, checkpointPath));

    /// <summary>Transfers an already loaded timm state dict; <paramref name="sourcePath"/> names it in errors.</summary>
    public static void Apply(AstNetwork model, IReadOnlyDictionary<string, Tensor> timm, string sourcePath)
    {
        using var scope = NewDisposeScope();
        var options = model.Options;
        var copied = new Dictionary<string, Tensor>();
        foreach (var (key, value) in timm)
        {
            if (key.StartsWith("blocks.", StringComparison.Ordinal) || key.StartsWith("norm.", StringComparison.Ordinal)
                || key == "cls_token")
                copied["v." + key] = value;
        }
        CheckDepth(timm, options, sourcePath);

        var hasDist = timm.ContainsKey("dist_token");
        if (options.DistillationToken)
        {
            if (!hasDist)
                throw new CheckpointException(sourcePath,
                    "has no 'dist_token': it is a plain ViT, but the spec asks for a distilled DeiT (cls + dist tokens). Use tokens = cls, or a DeiT-distilled checkpoint.");
            copied["v.dist_token"] = timm["dist_token"];
        }

        var weight = ParameterCopy.Required(timm, "patch_embed.proj.weight", sourcePath, "the patch projection, (D, 3, 16, 16)");
        copied["v.patch_embed.proj.weight"] = weight.shape[1] == 1 ? weight : weight.sum(1, keepdim: true);
        copied["v.patch_embed.proj.bias"] = ParameterCopy.Required(timm, "patch_embed.proj.bias", sourcePath, "the patch projection bias");
        copied["v.pos_embed"] = AdaptPositions(timm, options, hasDist, sourcePath);

        ParameterCopy.Into(model, copied, sourcePath);
    }

    private static Tensor AdaptPositions(IReadOnlyDictionary<string, Tensor> timm, AstOptions options, bool hasDist, string sourcePath)
    {
        var pos = ParameterCopy.Required(timm, "pos_embed", sourcePath, "the position embeddings, (1, tokens, D)");
        var sourceSpecial = hasDist ? 2 : 1;
        var side = PositionEmbeddingAdapter.SquareSide(pos.shape[1] - sourceSpecial);
        if (side < 0)
            throw new CheckpointException(sourcePath,
                $"'pos_embed' has {pos.shape[1]} rows, which is not {sourceSpecial} special tokens plus a square patch grid; is this an ImageNet ViT/DeiT checkpoint?");
        // A distilled checkpoint feeding a cls-only model drops the distillation token's position row.
        if (sourceSpecial != options.SpecialTokenCount)
            pos = cat(new[] { pos[.., ..1], pos[.., sourceSpecial..] }, 1);
        return PositionEmbeddingAdapter.Adapt(pos, options.SpecialTokenCount, (side, side), (options.FDim, options.TDim));
    }

    private static void CheckDepth(IReadOnlyDictionary<string, Tensor> timm, AstOptions options, string sourcePath)
    {
        var depth = timm.Keys.Where(k => k.StartsWith("blocks.", StringComparison.Ordinal))
            .Select(k => int.Parse(k.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture))
            .DefaultIfEmpty(-1).Max() + 1;
        if (depth != options.Depth)
            throw new CheckpointException(sourcePath,
                $"has {depth} transformer blocks but the spec asks for depth {options.Depth}. Set depth = {depth} or use a matching checkpoint.");
    }
}
