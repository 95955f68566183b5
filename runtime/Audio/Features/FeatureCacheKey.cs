using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AstDsl.Audio.Features;

/// <summary>
/// What one <see cref="FeatureCache"/> entry was computed from: the audio file's full path, size and modification time,
/// and the front-end settings that shape the fbank. Every entry stores its key, so a listing can tell which entries can
/// never be read again (the file is gone or changed, or the settings are not the ones in use).
/// </summary>
/// <param name="Source">Full path of the audio file.</param>
/// <param name="Size">Its length in bytes.</param>
/// <param name="ModifiedTicks">Its last write time (UTC ticks).</param>
/// <param name="Settings">The front-end settings (<see cref="SettingsOf"/>).</param>
public sealed record FeatureCacheKey(string Source, long Size, long ModifiedTicks, string Settings)
{
    /// <summary>The settings text of <paramref name="options"/>: every option that shapes the stored fbank (the normalisation does not).</summary>
    public static string SettingsOf(ClipPipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return JsonSerializer.Serialize(new { options.Fbank, options.TargetLength, options.SampleRate, options.Channels, options.RemoveWaveformMean });
    }

    /// <summary>The key of <paramref name="audioFile"/> as it is now, or null when it does not exist.</summary>
    public static FeatureCacheKey? Of(string audioFile, string settings)
    {
        var info = new FileInfo(audioFile);
        return info.Exists ? new FeatureCacheKey(info.FullName, info.Length, info.LastWriteTimeUtc.Ticks, settings) : null;
    }

    /// <summary>Why an entry with this key can no longer be read under <paramref name="settings"/>, or null when it is current.</summary>
    public string? Staleness(string settings) =>
        Settings != settings ? "other front-end settings"
        : Of(Source, Settings) is not { } now ? "source file gone"
        : now != this ? "source file changed"
        : null;

    /// <summary>The SHA-256 naming the entry; it covers the entry format version, so a new layout never reads an old one.</summary>
    internal byte[] Hash() =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"{FeatureCacheEntry.FormatVersion}\n{Source}\n{Size}\n{ModifiedTicks}\n{Settings}"));

    internal byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this);

    internal static FeatureCacheKey? FromBytes(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return JsonSerializer.Deserialize<FeatureCacheKey>(bytes) is { Source: not null, Settings: not null } key ? key : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
