using System.Globalization;

namespace AstDsl.Contract;

/// <summary>
/// Patchout (PaSST, Koutini et al. 2022): during training only, after the position embeddings are added, the same
/// randomly chosen patches are dropped for the whole batch; evaluation sees all patches. Fewer tokens make each
/// training step cheaper and regularise the model.
/// </summary>
public sealed record PatchoutOptions
{
    /// <summary><c>none</c>, <c>structured(freq, time)</c> or <c>unstructured(share)</c>.</summary>
    public PatchoutKind Kind { get; init; } = PatchoutKind.None;
    /// <summary>Structured: whole frequency rows dropped per step (PaSST's s_patchout_f).</summary>
    public int FreqRows { get; init; }
    /// <summary>Structured: whole time columns dropped per step (PaSST's s_patchout_t).</summary>
    public int TimeColumns { get; init; }
    /// <summary>Unstructured: share of the patches dropped per step, in [0, 1).</summary>
    public double Share { get; init; }

    /// <summary>The value as the spec writes it: <c>none</c>, <c>structured(freq: 1, time: 10)</c>, <c>unstructured(0.5)</c>.</summary>
    public string SpecText() => Kind switch
    {
        PatchoutKind.Structured => string.Format(CultureInfo.InvariantCulture, "{0}(freq: {1}, time: {2})", LanguageWords.Of(Kind), FreqRows, TimeColumns),
        PatchoutKind.Unstructured => string.Format(CultureInfo.InvariantCulture, "{0}({1})", LanguageWords.Of(Kind), Share),
        _ => LanguageWords.Of(Kind),
    };

    /// <summary>Patch rows a training step keeps of a grid with <paramref name="rows"/> rows.</summary>
    public int KeptRows(int rows) => Kind == PatchoutKind.Structured ? rows - FreqRows : rows;

    /// <summary>Patch columns a training step keeps of a grid with <paramref name="columns"/> columns.</summary>
    public int KeptColumns(int columns) => Kind == PatchoutKind.Structured ? columns - TimeColumns : columns;

    /// <summary>Patches a training step keeps of a <paramref name="rows"/> x <paramref name="columns"/> grid (at most 0 when nothing is left).</summary>
    public int KeptPatches(int rows, int columns) => Kind switch
    {
        PatchoutKind.Structured => Math.Max(0, KeptRows(rows)) * Math.Max(0, KeptColumns(columns)),
        // floor of the dropped share, so a small grid drops nothing rather than everything.
        PatchoutKind.Unstructured => rows * columns - (int)Math.Floor(rows * columns * Share),
        _ => rows * columns,
    };
}
