using static TorchSharp.torch;

namespace AstDsl.Network.Modules;

/// <summary>
/// PaSST's patchout on a token sequence (B, special + rows * columns, D) in frequency-major order: the special tokens
/// stay, and the same randomly chosen patches leave for the whole batch (whole frequency rows and time columns, or
/// single patches), keeping their order. Indices are drawn with torch's generator, so a seeded run repeats.
/// </summary>
public static class Patchout
{
    /// <summary>The kept tokens of <paramref name="tokens"/>, whose patches form a <paramref name="rows"/> x <paramref name="columns"/> grid.</summary>
    /// <exception cref="ArgumentException">The patchout would leave no patch of this grid.</exception>
    public static Tensor Drop(Tensor tokens, int specialTokens, int rows, int columns, PatchoutOptions options)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(options);
        if (options.KeptPatches(rows, columns) < 1)
            throw new ArgumentException($"patchout {options.SpecText()} leaves no patch of a {rows} x {columns} grid.", nameof(options));
        var patches = options.Kind switch
        {
            PatchoutKind.Structured => StructuredPatches(Kept(rows, options.KeptRows(rows)), Kept(columns, options.KeptColumns(columns)), columns),
            PatchoutKind.Unstructured => Kept(rows * columns, options.KeptPatches(rows, columns)),
            _ => Enumerable.Range(0, rows * columns).ToArray(),
        };
        var indices = Enumerable.Range(0, specialTokens).Concat(patches.Select(patch => specialTokens + patch)).Select(i => (long)i).ToArray();
        using var index = tensor(indices, device: tokens.device);
        return tokens.index_select(1, index);
    }

    // A random subset of size keep of 0..count-1, ascending (PaSST: randperm, then sort).
    private static int[] Kept(int count, int keep)
    {
        using var order = randperm(count, dtype: ScalarType.Int64);
        var drawn = order.data<long>().ToArray();
        return drawn.Take(keep).Select(i => (int)i).OrderBy(i => i).ToArray();
    }

    private static int[] StructuredPatches(int[] rows, int[] columns, int gridColumns) =>
        rows.SelectMany(row => columns.Select(column => row * gridColumns + column)).ToArray();
}
