using System.Text;
using AstDsl.Audio.Codecs.Flac;
using AstDsl.Audio.Wav;

namespace AstDsl.Audio.Codecs;

/// <summary>
/// Reads WAV, FLAC, Ogg Vorbis and MP3 files, recognised by their first bytes (not their extension): "RIFF", "fLaC"
/// (possibly after an ID3v2 tag), "OggS", or an ID3v2 tag / MPEG frame sync. Anything else goes to the WAV reader,
/// whose error names what the file starts with.
/// </summary>
public static class AudioFile
{
    /// <summary>The container/codec a file's first bytes announce.</summary>
    public enum Kind
    {
        /// <summary>RIFF/WAVE, or not recognised (the WAV reader then explains what is wrong).</summary>
        Wav,
        /// <summary>Free Lossless Audio Codec.</summary>
        Flac,
        /// <summary>Ogg (Vorbis expected).</summary>
        Ogg,
        /// <summary>MPEG audio (MP3).</summary>
        Mp3,
    }

    /// <summary>Reads and decodes an audio file of any supported format.</summary>
    /// <exception cref="AudioFormatException">The file is empty, truncated, damaged, in an unsupported format, a folder, not a regular file or larger than <see cref="WavReader.MaxFileBytes"/>.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static AudioClip Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Decode(WavReader.ReadBounded(path), path);
    }

    /// <summary>Decodes a complete file held in memory; <paramref name="name"/> labels errors.</summary>
    public static AudioClip Decode(byte[] bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var start = Id3Length(bytes);
        return Detect(bytes) switch
        {
            Kind.Flac => FlacDecoder.Decode(bytes, start, name),
            Kind.Ogg => VorbisDecoder.Decode(bytes, name),
            Kind.Mp3 => Mp3Decoder.Decode(bytes, name),
            _ => WavReader.Decode(bytes, name),
        };
    }

    /// <summary>What the first bytes of a file announce.</summary>
    public static Kind Detect(ReadOnlySpan<byte> bytes)
    {
        if (Starts(bytes, "RIFF")) return Kind.Wav;
        if (Starts(bytes, "OggS")) return Kind.Ogg;
        var start = Id3Length(bytes);
        var rest = bytes[Math.Min(start, bytes.Length)..];
        if (Starts(rest, "fLaC")) return Kind.Flac;
        if (start > 0 || (rest.Length >= 2 && rest[0] == 0xFF && (rest[1] & 0xE0) == 0xE0 && (rest[1] & 0x06) != 0)) return Kind.Mp3;
        return Kind.Wav;
    }

    // An ID3v2 tag: "ID3", version, flags, a 28-bit syncsafe size, optionally a 10-byte footer.
    private static int Id3Length(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 10 || !Starts(bytes, "ID3")) return 0;
        var size = (bytes[6] & 0x7F) << 21 | (bytes[7] & 0x7F) << 14 | (bytes[8] & 0x7F) << 7 | (bytes[9] & 0x7F);
        return 10 + size + ((bytes[5] & 0x10) != 0 ? 10 : 0);
    }

    private static bool Starts(ReadOnlySpan<byte> bytes, string magic) =>
        bytes.Length >= magic.Length && Encoding.ASCII.GetString(bytes[..magic.Length]) == magic;
}
