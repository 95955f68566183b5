using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Network.Transfer;

/// <summary>
/// Fits a grid of learned position embeddings to a new patch grid the way the official AST does: first along
/// time (columns), then along frequency (rows); an axis that shrinks (or stays) is centre-cropped from index
/// <c>old/2 - new/2</c> (integer division), an axis that grows is resized bilinearly (align_corners false).
/// </summary>
public static class PositionEmbeddingAdapter
{
    /// <summary>
    /// Adapts position embeddings (1, special + oldF * oldT, D) to (1, special + newF * newT, D). Rows are
    /// frequency and columns time; the patch rows of <paramref name="posEmbed"/> are in row-major order.
    /// </summary>
    public static Tensor Adapt(Tensor posEmbed, int specialTokens, (int F, int T) oldGrid, (int F, int T) newGrid)
    {
        using var scope = NewDisposeScope();
        var width = posEmbed.shape[2];
        var special = posEmbed[.., ..specialTokens];
        var grid = posEmbed[.., specialTokens..].transpose(1, 2).reshape(1, width, oldGrid.F, oldGrid.T);
        grid = FitAxis(grid, axis: 3, newGrid.T, size: (oldGrid.F, newGrid.T));
        grid = FitAxis(grid, axis: 2, newGrid.F, size: (newGrid.F, newGrid.T));
        var patches = grid.reshape(1, width, newGrid.F * newGrid.T).transpose(1, 2);
        return cat(new[] { special, patches }, 1).contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>Side of the square patch grid behind <paramref name="patchTokens"/> tokens (14 for DeiT-224, 24 for -384).</summary>
    public static int SquareSide(long patchTokens)
    {
        var side = (int)Math.Round(Math.Sqrt(patchTokens));
        return side * side == patchTokens ? side : -1;
    }

    private static Tensor FitAxis(Tensor grid, int axis, int target, (int F, int T) size)
    {
        var current = (int)grid.shape[axis];
        if (target <= current)
        {
            var start = current / 2 - target / 2;
            return grid.narrow(axis, start, target);
        }
        return nn.functional.interpolate(grid, size: new long[] { size.F, size.T },
            mode: InterpolationMode.Bilinear, align_corners: false);
    }
}
