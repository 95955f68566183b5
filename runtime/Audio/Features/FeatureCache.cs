using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using static TorchSharp.torch;

namespace AstDsl.Audio.Features;

/// <summary>
/// An on-disk cache of padded or cut fbank matrices (the clip pipeline's output before normalisation), for training
/// whose augmentation all happens after the fbank. An entry is keyed by the audio file's full path, size and
/// modification time, every front-end setting that shapes the fbank (<see cref="ClipPipelineOptions"/> except the
/// normalisation) and <see cref="FeatureCacheEntry.FormatVersion"/>: a changed file or setting names another entry, so
/// stale ones are never read. Corrupt or truncated entries are recomputed. Writes go to a unique temporary file renamed
/// into place, so concurrent loader workers (or runs) never see half an entry. Thread-safe.
/// </summary>
public sealed class FeatureCache
{
    private readonly string _settings;
    private long _hits;
    private long _misses;

    /// <summary>Opens (creating it if needed) the cache in <paramref name="folder"/> for features made with <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The fbank is dithered: every computation differs, and a cache would freeze one draw.</exception>
    public FeatureCache(string folder, ClipPipelineOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Fbank.Dither > 0)
            throw new ArgumentException($"features.cache: the fbank adds dither ({options.Fbank.Dither.ToString(CultureInfo.InvariantCulture)}), so no two computations agree; set dither to 0 or turn the cache off");
        Folder = Path.GetFullPath(folder);
        Options = options;
        _settings = JsonSerializer.Serialize(new { options.Fbank, options.TargetLength, options.SampleRate, options.Channels, options.RemoveWaveformMean });
        Directory.CreateDirectory(Folder);
    }

    /// <summary>The cache folder (absolute).</summary>
    public string Folder { get; }

    /// <summary>The front-end settings the entries belong to.</summary>
    public ClipPipelineOptions Options { get; }

    /// <summary>Lookups answered from disk so far.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Lookups that computed (and stored) the features so far.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>
    /// The features of <paramref name="audioFile"/>: the stored entry when it is intact and current, otherwise
    /// <paramref name="compute"/>'s (target_length, mel bins) float32 result, stored for next time. A file that cannot
    /// be examined is left to <paramref name="compute"/>, which reports it as usual.
    /// </summary>
    public Tensor GetOrCompute(string audioFile, Func<Tensor> compute)
    {
        ArgumentNullException.ThrowIfNull(audioFile);
        ArgumentNullException.ThrowIfNull(compute);
        var info = new FileInfo(audioFile);
        if (!info.Exists) return compute();
        var key = SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{FeatureCacheEntry.FormatVersion}\n{info.FullName}\n{info.Length}\n{info.LastWriteTimeUtc.Ticks}\n{_settings}"));
        var entry = Path.Combine(Folder, Convert.ToHexString(key) + ".fbank");
        if (Read(entry, key) is { } stored)
        {
            Interlocked.Increment(ref _hits);
            return tensor(stored.Values, [stored.Rows, stored.Columns]);
        }
        Interlocked.Increment(ref _misses);
        var features = compute();
        Write(entry, key, features);
        return features;
    }

    private static (int Rows, int Columns, float[] Values)? Read(string entry, byte[] key)
    {
        try
        {
            return FeatureCacheEntry.Decode(File.ReadAllBytes(entry), key);
        }
        catch (IOException)
        {
            return null; // absent, or being replaced on a file system without atomic replacement
        }
    }

    private static void Write(string entry, byte[] key, Tensor features)
    {
        using var values = features.contiguous();
        var bytes = FeatureCacheEntry.Encode(key, (int)values.shape[0], (int)values.shape[1], values.data<float>().ToArray());
        var temporary = $"{entry}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, bytes);
        try
        {
            File.Move(temporary, entry, overwrite: true);
        }
        catch (IOException)
        {
            // Another worker holds or just wrote the same entry (Windows refuses to replace an open file); theirs serves.
            File.Delete(temporary);
        }
    }
}
