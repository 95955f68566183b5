using System.Globalization;
using static TorchSharp.torch;

namespace AstDsl.Audio.Features;

/// <summary>
/// An on-disk cache of padded or cut fbank matrices (the clip pipeline's output before normalisation), for training
/// whose augmentation all happens after the fbank. An entry is named by the hash of its <see cref="FeatureCacheKey"/>
/// (the audio file's full path, size and modification time, and every front-end setting that shapes the fbank): a
/// changed file or setting names another entry, so stale ones are never read. Writes go to a unique temporary file
/// renamed into place, so concurrent loader workers (or runs) never see half an entry. Thread-safe.
/// </summary>
/// <remarks>
/// The cache only ever saves time, so its own trouble never stops a run: a folder that cannot be created or written
/// (read-only, full, not permitted) is reported once and the features are computed without storing them; a damaged
/// entry is reported once and recomputed over.
/// </remarks>
public sealed class FeatureCache
{
    /// <summary>The file name ending of every entry; nothing else in a cache folder is ever read or removed as one.</summary>
    public const string EntryExtension = ".fbank";

    /// <summary>What precedes the writer's process id in the name of a temporary entry (<c>ENTRY.fbank.GUID.tmp-PID</c>).</summary>
    public const string TemporarySuffix = ".tmp-";

    private readonly string _settings;
    private readonly Action<string> _warn;
    private long _hits;
    private long _misses;
    private int _writesStopped;
    private int _damageReported;

    /// <summary>
    /// Opens (creating it if needed) the cache in <paramref name="folder"/> for features made with <paramref name="options"/>;
    /// <paramref name="warn"/> hears, once each, that the cache cannot be written or that an entry was damaged.
    /// </summary>
    /// <exception cref="ArgumentException">The fbank is dithered: every computation differs, and a cache would freeze one draw.</exception>
    public FeatureCache(string folder, ClipPipelineOptions options, Action<string>? warn = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Fbank.Dither > 0)
            throw new ArgumentException($"features.cache: the fbank adds dither ({options.Fbank.Dither.ToString(CultureInfo.InvariantCulture)}), so no two computations agree; set dither to 0 or turn the cache off");
        Folder = Path.GetFullPath(folder);
        Options = options;
        _settings = FeatureCacheKey.SettingsOf(options);
        _warn = warn ?? (_ => { });
        try
        {
            Directory.CreateDirectory(Folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            StopWriting(e);
        }
    }

    /// <summary>The cache folder (absolute).</summary>
    public string Folder { get; }

    /// <summary>The front-end settings the entries belong to.</summary>
    public ClipPipelineOptions Options { get; }

    /// <summary>Lookups answered from disk so far.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Lookups that computed the features so far (stored for next time while the folder can be written).</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Whether new entries are still stored; false after the folder could not be created or written.</summary>
    public bool Writable => Volatile.Read(ref _writesStopped) == 0;

    /// <summary>The warning for a cache that cannot be written to <paramref name="folder"/>, because of <paramref name="reason"/>.</summary>
    public static string WriteFailure(string folder, string reason) =>
        $"features.cache: cannot write to '{folder}': {reason}; continuing without the cache; set features {{ cache = off }} or a writable path";

    /// <summary>The warning for a damaged <paramref name="entry"/>.</summary>
    public static string DamagedEntry(string entry) =>
        $"features.cache: '{entry}' is damaged (truncated or altered); recomputing it (other damaged entries are recomputed without a warning)";

    /// <summary>
    /// The features of <paramref name="audioFile"/>: the stored entry when it is intact and current, otherwise
    /// <paramref name="compute"/>'s (target_length, mel bins) float32 result, stored for next time. A file that cannot
    /// be examined is left to <paramref name="compute"/>, which reports it as usual.
    /// </summary>
    public Tensor GetOrCompute(string audioFile, Func<Tensor> compute)
    {
        ArgumentNullException.ThrowIfNull(audioFile);
        ArgumentNullException.ThrowIfNull(compute);
        if (FeatureCacheKey.Of(audioFile, _settings) is not { } key) return compute();
        var hash = key.Hash();
        var entry = Path.Combine(Folder, Convert.ToHexString(hash) + EntryExtension);
        if (Read(entry, hash) is { } stored)
        {
            Interlocked.Increment(ref _hits);
            return tensor(stored.Values, [stored.Rows, stored.Columns]);
        }
        Interlocked.Increment(ref _misses);
        var features = compute();
        if (Writable) Write(entry, key, features);
        return features;
    }

    private (int Rows, int Columns, float[] Values)? Read(string entry, byte[] hash)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // absent, unreadable, or being replaced on a file system without atomic replacement
        }
        var stored = FeatureCacheEntry.Decode(bytes, hash);
        if (stored is null && Interlocked.Exchange(ref _damageReported, 1) == 0) _warn(DamagedEntry(entry));
        return stored;
    }

    private void Write(string entry, FeatureCacheKey key, Tensor features)
    {
        using var values = features.contiguous();
        var bytes = FeatureCacheEntry.Encode(key, (int)values.shape[0], (int)values.shape[1], values.data<float>().ToArray());
        // The writer's process id ends the name, so a cleanup can tell the leftovers of a killed writer from live writes.
        var temporary = $"{entry}.{Guid.NewGuid():N}{TemporarySuffix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";
        try
        {
            File.WriteAllBytes(temporary, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Discard(temporary);
            StopWriting(e);
            return;
        }
        try
        {
            File.Move(temporary, entry, overwrite: true);
        }
        catch (IOException)
        {
            // Another worker holds or just wrote the same entry (Windows refuses to replace an open file); theirs serves.
            Discard(temporary);
        }
    }

    private void StopWriting(Exception e)
    {
        if (Interlocked.Exchange(ref _writesStopped, 1) == 0) _warn(WriteFailure(Folder, Reason(e)));
    }

    // .NET's sentences name a temporary file or a path part; the user needs the cause.
    private string Reason(Exception e)
    {
        if (e is UnauthorizedAccessException) return "Permission denied";
        for (var folder = Path.GetDirectoryName(Folder); folder is not null; folder = Path.GetDirectoryName(folder))
            if (File.Exists(folder)) return $"'{folder}' is a file, not a folder";
        return e.Message.TrimEnd('.');
    }

    private static void Discard(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for `astc cache --clean`, which removes temporaries whose writer is gone.
        }
    }
}
