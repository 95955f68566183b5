namespace AstDsl.Audio.Features;

/// <summary>One entry file of a feature cache folder: its size and why it can never be read again (null when it can).</summary>
/// <param name="Path">Full path of the entry.</param>
/// <param name="Bytes">Its length.</param>
/// <param name="Stale">Why it is stale (the source file is gone or changed, other front-end settings, another format, damaged), or null.</param>
public sealed record CachedFeatureFile(string Path, long Bytes, string? Stale);

/// <summary>
/// The entries of a <see cref="FeatureCache"/> folder judged against the front-end settings in use (<c>astc cache</c>).
/// Only files named <c>*.fbank</c> that begin with the entry magic count as entries; anything else in the folder is
/// left out here and so never removed. Judging reads each entry's head (its key), not its values.
/// </summary>
public sealed class FeatureCacheSurvey
{
    private FeatureCacheSurvey(string folder, IReadOnlyList<CachedFeatureFile> entries)
    {
        Folder = folder;
        Entries = entries;
    }

    /// <summary>The cache folder (absolute).</summary>
    public string Folder { get; }

    /// <summary>The entries, by file name.</summary>
    public IReadOnlyList<CachedFeatureFile> Entries { get; }

    /// <summary>Bytes of all entries.</summary>
    public long Bytes => Entries.Sum(e => e.Bytes);

    /// <summary>The entries that can never be read again.</summary>
    public IReadOnlyList<CachedFeatureFile> Stale => Entries.Where(e => e.Stale is not null).ToArray();

    /// <summary>Surveys <paramref name="folder"/> (a missing folder has no entries) for features made with <paramref name="options"/>.</summary>
    public static FeatureCacheSurvey Of(string folder, ClipPipelineOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var full = System.IO.Path.GetFullPath(folder);
        var settings = FeatureCacheKey.SettingsOf(options);
        var entries = Directory.Exists(full)
            ? Directory.EnumerateFiles(full, "*" + FeatureCache.EntryExtension).Order(StringComparer.Ordinal)
                .Select(path => Judge(path, settings)).OfType<CachedFeatureFile>().ToArray()
            : Array.Empty<CachedFeatureFile>();
        return new FeatureCacheSurvey(full, entries);
    }

    // Null for a file that is not an entry at all (another program's file that happens to end in .fbank), or one that
    // vanished or cannot be read since the folder was listed.
    private static CachedFeatureFile? Judge(string path, string settings)
    {
        try
        {
            return JudgeReadable(path, settings);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static CachedFeatureFile? JudgeReadable(string path, string settings)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var head = new byte[(int)Math.Min(stream.Length, FeatureCacheEntry.HeadBytes(FeatureCacheEntry.MaxKeyBytes))];
        stream.ReadExactly(head);
        if (!FeatureCacheEntry.LooksLikeEntry(head)) return null;
        var key = FeatureCacheEntry.KeyOf(head, stream.Length);
        return new CachedFeatureFile(path, stream.Length, key is null ? "other format or damaged" : key.Staleness(settings));
    }
}
