using System.Globalization;
using AstDsl.Network.Checkpoints;

namespace AstDsl.Network.Transfer;

/// <summary>What is known about the input a checkpoint was trained on, and the strides to try for its patch grid.</summary>
/// <param name="MelBins">Mel bins of the training input (input_fdim).</param>
/// <param name="Frames">Frames of the training input (input_tdim).</param>
/// <param name="PatchSize">Square patch side.</param>
/// <param name="FStride">The frequency stride if known; null tries 1..<paramref name="PatchSize"/>.</param>
/// <param name="TStride">The time stride if known; null tries 1..<paramref name="PatchSize"/>.</param>
public sealed record GridQuery(int MelBins, int Frames, int PatchSize, int? FStride = null, int? TStride = null);

/// <summary>
/// Recovers the patch strides of a checkpoint from the number of patch positions in its position embeddings: the
/// official code stores them flat, (1, special + f_dim * t_dim, D), with f_dim = (F - patch) / fstride + 1 and
/// t_dim = (T - patch) / tstride + 1, so for a known input size only some strides fit. Equal strides (every released
/// AST checkpoint) win over unequal ones, and the released strides over others; a count no stride explains, or several
/// explain equally, is an error.
/// </summary>
public static class PatchGridSearch
{
    /// <summary>Strides of the released AudioSet checkpoints (audioset_10_10, _12_12, _14_14, _16_16), shown in errors.</summary>
    public static readonly IReadOnlyList<int> ReleasedStrides = [10, 12, 14, 16];

    /// <summary>The (fstride, tstride) whose grid has <paramref name="patchTokens"/> patches for <paramref name="query"/>.</summary>
    /// <param name="patchTokens">Rows of the position embeddings minus the special tokens.</param>
    /// <param name="query">Input size, patch size and any known stride.</param>
    /// <param name="sourcePath">The checkpoint, named in errors.</param>
    /// <param name="advice">What the user can change when no stride fits (e.g. the input length flag).</param>
    /// <exception cref="CheckpointException">No stride, or more than one, explains the count.</exception>
    public static (int FStride, int TStride) FindStrides(long patchTokens, GridQuery query, string sourcePath, string advice)
    {
        var fs = Candidates(query.FStride, query.PatchSize);
        var ts = Candidates(query.TStride, query.PatchSize);
        var matches = fs.SelectMany(f => ts.Select(t => (F: f, T: t)))
            .Where(s => GridSide(query.MelBins, query.PatchSize, s.F) * GridSide(query.Frames, query.PatchSize, s.T) == patchTokens)
            .ToList();
        var equal = matches.Where(s => s.F == s.T).ToList();
        if (equal.Count == 1) return equal[0];
        // Small inputs can fit two equal strides (100 frames: 15 and 16 both give 8 x 6); a released stride wins.
        var released = equal.Where(s => ReleasedStrides.Contains(s.F)).ToList();
        if (released.Count == 1) return released[0];
        if (matches.Count == 1) return matches[0];
        var input = $"{query.MelBins} mel bins x {query.Frames} frames with {query.PatchSize}x{query.PatchSize} patches";
        if (matches.Count > 1)
            throw new CheckpointException(sourcePath,
                $"its position embeddings hold {patchTokens} patch positions, which several stride pairs explain for {input} " +
                $"({string.Join(", ", matches.Select(s => $"{s.F} x {s.T}"))}); pass --fstride and --tstride.");
        throw new CheckpointException(sourcePath,
            $"its position embeddings hold {patchTokens} patch positions, but no patch stride gives that many for {input} " +
            $"(tried {Describe(query.FStride, query.TStride, query.PatchSize)}; {Examples(query)}). {advice}");
    }

    /// <summary>Patches along one axis: (size - patch) / stride + 1, or 0 when one patch does not fit.</summary>
    public static int GridSide(int size, int patch, int stride) => size < patch ? 0 : (size - patch) / stride + 1;

    private static IEnumerable<int> Candidates(int? known, int patch) =>
        known is { } stride ? [stride] : Enumerable.Range(1, patch);

    private static string Describe(int? f, int? t, int patch) =>
        f is null && t is null ? $"strides 1..{patch} in both axes"
        : $"fstride {f?.ToString(CultureInfo.InvariantCulture) ?? $"1..{patch}"}, tstride {t?.ToString(CultureInfo.InvariantCulture) ?? $"1..{patch}"}";

    private static string Examples(GridQuery q) => string.Join(", ", ReleasedStrides.Select(s =>
    {
        var (f, t) = (GridSide(q.MelBins, q.PatchSize, s), GridSide(q.Frames, q.PatchSize, s));
        return $"stride {s}: {f} x {t} = {f * t}";
    }));
}
