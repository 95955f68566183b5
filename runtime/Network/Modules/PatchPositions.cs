using AstDsl.Network.Transfer;
using static TorchSharp.torch;

namespace AstDsl.Network.Modules;

/// <summary>
/// The position embeddings (1, special + rows * columns, D) for a patch grid whose column count may differ from the
/// trained one, in frequency-major token order. The grid kind adapts its learned grid as the official
/// <c>input_tdim</c> code (centre crop when shorter, bilinear when longer); the frequency/time kind (PaSST) adds a
/// frequency row embedding to the first <c>columns</c> time embeddings, so a shorter clip uses exactly the positions
/// it had at the start of a trained-length clip.
/// </summary>
public static class PatchPositions
{
    /// <summary>Grid kind: <paramref name="posEmbed"/> (1, special + F * T, D) fitted to <paramref name="columns"/> columns.</summary>
    public static Tensor Grid(Tensor posEmbed, int specialTokens, int rows, int trainedColumns, int columns)
    {
        ArgumentNullException.ThrowIfNull(posEmbed);
        return columns == trainedColumns
            ? posEmbed.alias()
            : PositionEmbeddingAdapter.Adapt(posEmbed, specialTokens, (rows, trainedColumns), (rows, columns));
    }

    /// <summary>
    /// Frequency/time kind: special-token embeddings (1, S, D), frequency (1, D, F, 1) and time (1, D, 1, T) embeddings
    /// combined for <paramref name="columns"/> columns (at most T).
    /// </summary>
    /// <exception cref="ArgumentException">More columns than time embeddings.</exception>
    public static Tensor FreqTime(Tensor special, Tensor frequency, Tensor time, int columns)
    {
        ArgumentNullException.ThrowIfNull(special);
        ArgumentNullException.ThrowIfNull(frequency);
        ArgumentNullException.ThrowIfNull(time);
        if (columns > time.shape[3])
            throw new ArgumentException($"{columns} patch columns, but the model has time embeddings for {time.shape[3]}; cut the input to its trained length or run it in windows.", nameof(columns));
        using var scope = NewDisposeScope();
        var grid = frequency.add(time.narrow(3, 0, columns), HeldScalars.One);                // (1, D, F, columns)
        var patches = grid.flatten(2).transpose(1, 2);                                        // (1, F * columns, D)
        return cat(new[] { special, patches }, 1).MoveToOuterDisposeScope();
    }
}
