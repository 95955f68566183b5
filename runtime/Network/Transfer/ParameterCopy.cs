using AstDsl.Network.Checkpoints;
using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Network.Transfer;

/// <summary>Copies tensors into a model's parameters by state-dict key, checking that every shape fits.</summary>
internal static class ParameterCopy
{
    /// <summary>Copies each (key, tensor) into the model's parameter or buffer of the same key.</summary>
    public static void Into(AstNetwork model, IEnumerable<KeyValuePair<string, Tensor>> tensors, string sourcePath)
    {
        using var scope = NewDisposeScope();
        var target = model.state_dict();
        using var noGrad = no_grad();
        foreach (var (key, value) in tensors)
        {
            if (!target.TryGetValue(key, out var destination))
                throw new CheckpointException(sourcePath, $"key '{key}' has no place in this model ({Describe(model)}).");
            if (!destination.shape.SequenceEqual(value.shape))
                throw new CheckpointException(sourcePath,
                    $"key '{key}' has shape [{string.Join(", ", value.shape)}] but this model ({Describe(model)}) expects " +
                    $"[{string.Join(", ", destination.shape)}]. The checkpoint is for another width, depth, patch grid or label count.");
            destination.copy_(value.to(destination.dtype));
        }
    }

    /// <summary>The tensor under <paramref name="key"/>, or a CheckpointException naming what is missing.</summary>
    public static Tensor Required(IReadOnlyDictionary<string, Tensor> stateDict, string key, string sourcePath, string expected)
    {
        if (stateDict.TryGetValue(key, out var tensor)) return tensor;
        throw new CheckpointException(sourcePath, $"missing key '{key}' ({expected}). Is this a checkpoint of the right kind?");
    }

    /// <summary>A short description of the model shape for error messages.</summary>
    public static string Describe(AstNetwork model)
    {
        var o = model.Options;
        return $"width {o.Width}, depth {o.Depth}, grid {o.FDim}x{o.TDim}, {o.LabelCount} labels, " +
               (o.DistillationToken ? "cls+dist tokens" : "cls token");
    }
}
