using static TorchSharp.torch;

namespace AstDsl.Network.Pretraining;

/// <summary>
/// Which patches masked pretraining hides. As SSAST: a clip masks exactly <c>count</c> distinct patches, either
/// chosen one by one, or (cluster masking, SSAST's choice for square patches) in square clusters of neighbouring
/// patches whose side is drawn once per clip from 3 to 5, so that a masked patch cannot simply be copied from its
/// neighbours. Unlike SSAST's flat-index arithmetic, clusters stop at the grid's edges instead of wrapping into the
/// next frequency row. Positions index the frequency-major patch order of the patch embedding.
/// </summary>
public static class PatchMasking
{
    /// <summary>Smallest and largest cluster side (SSAST draws 3, 4 or 5).</summary>
    public const int MinClusterSide = 3;

    /// <summary>Largest cluster side.</summary>
    public const int MaxClusterSide = 5;

    /// <summary><paramref name="count"/> distinct patch positions of an <paramref name="fDim"/> x <paramref name="tDim"/> grid.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not below the number of patches.</exception>
    public static long[] Positions(int fDim, int tDim, int count, bool cluster, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var patches = fDim * tDim;
        if (count < 1 || count >= patches)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"mask between 1 and {patches - 1} of {patches} patches");
        var chosen = new List<long>(count);
        var seen = new HashSet<long>();
        var side = cluster ? random.Next(MinClusterSide, MaxClusterSide + 1) : 1;
        while (chosen.Count < count)
        {
            var start = random.Next(patches);
            var (row, column) = (start / tDim, start % tDim);
            for (var f = row; f < Math.Min(row + side, fDim) && chosen.Count < count; f++)
            for (var t = column; t < Math.Min(column + side, tDim) && chosen.Count < count; t++)
                if (seen.Add((long)f * tDim + t)) chosen.Add((long)f * tDim + t);
        }
        return chosen.ToArray();
    }

    /// <summary>Positions of every clip of a batch as a (B, count) index tensor.</summary>
    public static Tensor Batch(int batch, int fDim, int tDim, int count, bool cluster, Random random)
    {
        var rows = Enumerable.Range(0, batch).SelectMany(_ => Positions(fDim, tDim, count, cluster, random)).ToArray();
        return tensor(rows, new long[] { batch, count });
    }

    /// <summary>The (B, patches) boolean mask of index tensor <paramref name="positions"/> (B, count).</summary>
    public static Tensor Dense(Tensor positions, int patches)
    {
        ArgumentNullException.ThrowIfNull(positions);
        using var scope = NewDisposeScope();
        var mask = zeros(positions.shape[0], patches, dtype: ScalarType.Bool, device: positions.device);
        using var on = ones_like(positions, dtype: ScalarType.Bool);
        return mask.scatter_(1, positions, on).MoveToOuterDisposeScope();
    }
}
