using static TorchSharp.torch;

namespace AstDsl.Export;

/// <summary>
/// Reads float tensors from a state dict with the official AST key names (<c>v.blocks.{i}.attn.qkv.weight</c>,
/// <c>mlp_head.1.bias</c>...), checking each one's shape against the network description.
/// </summary>
internal sealed class StateDictWeights(IReadOnlyDictionary<string, Tensor> stateDict, string source)
{
    /// <summary>The tensor <paramref name="key"/> as float32 values in row-major order; its shape must be <paramref name="shape"/>.</summary>
    public float[] Values(string key, params long[] shape) => Read(Require(key, shape));

    /// <summary>Rows [<paramref name="start"/>, start + count) of the matrix <paramref name="key"/>, transposed to (columns, count).</summary>
    public float[] TransposedRows(string key, long start, long count, params long[] shape)
    {
        using var rows = Require(key, shape).narrow(0, start, count);
        using var transposed = rows.t();
        return Read(transposed);
    }

    /// <summary>The matrix <paramref name="key"/> transposed, for x @ W^T as a MatMul.</summary>
    public float[] Transposed(string key, params long[] shape) => TransposedRows(key, 0, shape[0], shape);

    /// <summary>True when the state dict holds <paramref name="key"/>.</summary>
    public bool Has(string key) => stateDict.ContainsKey(key);

    private Tensor Require(string key, long[] shape)
    {
        if (!stateDict.TryGetValue(key, out var tensor))
            throw new ExportException($"{source} has no weight '{key}'; it does not hold an AST of the described shape.");
        if (!tensor.shape.SequenceEqual(shape))
            throw new ExportException(
                $"{source}: weight '{key}' has shape [{string.Join(", ", tensor.shape)}], the model description needs [{string.Join(", ", shape)}].");
        return tensor;
    }

    private static float[] Read(Tensor tensor)
    {
        using var values = tensor.to(float32, CPU).contiguous();
        return values.data<float>().ToArray();
    }
}
