using AstDsl.Network.Checkpoints;
using static TorchSharp.torch;

namespace AstDsl.Network.Transfer;

/// <summary>Loads complete AST checkpoints (ours or the official ones) into a model of the same shape.</summary>
public static class AstStateDict
{
    /// <summary>True for the ImageNet heads the official AST keeps in its state dict but never uses.</summary>
    public static bool IsUnusedImageNetHead(string key) =>
        key.StartsWith("v.head.", StringComparison.Ordinal) || key.StartsWith("v.head_dist.", StringComparison.Ordinal);

    /// <summary>Reads <paramref name="path"/> and loads every tensor of the model from it (strictly, but ignoring unused heads).</summary>
    public static void Load(AstNetwork model, string path) => StateDictFile.Use(path, stateDict => Load(model, stateDict, path));

    /// <summary>Loads a state dict strictly: every model key must be present with its shape, no foreign key may remain.</summary>
    public static void Load(AstNetwork model, IReadOnlyDictionary<string, Tensor> stateDict, string sourcePath)
    {
        var relevant = stateDict.Where(kv => !IsUnusedImageNetHead(kv.Key)).ToList();
        var missing = model.state_dict().Keys.Except(relevant.Select(kv => kv.Key)).ToList();
        if (missing.Count > 0)
            throw new CheckpointException(sourcePath,
                $"missing {missing.Count} key(s) of this model ({ParameterCopy.Describe(model)}): {string.Join(", ", missing.Take(5))}" +
                (missing.Count > 5 ? ", ..." : "") + ". Is it an AST checkpoint? (timm ImageNet files need pretrain imagenet instead.)");
        ParameterCopy.Into(model, relevant, sourcePath);
    }

    /// <summary>The model's state dict, ready to be written with <see cref="StateDictFile.Write"/>.</summary>
    public static Dictionary<string, Tensor> Of(AstNetwork model) => new(model.state_dict());
}
