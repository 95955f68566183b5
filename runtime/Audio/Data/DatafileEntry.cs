namespace AstDsl.Audio.Data;

/// <summary>One clip of a datafile: its audio file and its classes.</summary>
/// <param name="Wav">Path of the audio file (absolute once loaded).</param>
/// <param name="Mids">Label strings as written in the datafile.</param>
/// <param name="LabelIndices">Class index of each mid in the dataset's <see cref="LabelMap"/>.</param>
public sealed record DatafileEntry(string Wav, IReadOnlyList<string> Mids, IReadOnlyList<int> LabelIndices)
{
    /// <summary>An entry whose mids are resolved against <paramref name="labels"/>.</summary>
    /// <exception cref="ArgumentException">A mid is not in <paramref name="labels"/>.</exception>
    public static DatafileEntry Create(string wav, IReadOnlyList<string> mids, LabelMap labels)
    {
        ArgumentNullException.ThrowIfNull(mids);
        ArgumentNullException.ThrowIfNull(labels);
        var indices = mids.Select(m => labels.TryGetIndex(m, out var i)
            ? i
            : throw new ArgumentException($"label '{m}' of {wav} is not in the label map")).ToArray();
        return new DatafileEntry(wav, mids.ToArray(), indices);
    }
}
