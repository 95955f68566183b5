using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace AstDsl.Audio.Features;

/// <summary>
/// The bytes of one <see cref="FeatureCache"/> file: magic, format version, the SHA-256 of the key, the key itself
/// (length and JSON, so a listing can judge the entry without the audio), rows, columns, the float32 values, then the
/// SHA-256 of those values. Anything that does not check out (short, foreign, another key or version, flipped bits)
/// reads as absent, so the caller recomputes instead of failing.
/// </summary>
internal static class FeatureCacheEntry
{
    /// <summary>Bumped whenever the layout or the meaning of the stored values changes; older entries then miss.</summary>
    public const int FormatVersion = 2;

    /// <summary>The longest key an entry may store (a path and the settings text stay far below it).</summary>
    public const int MaxKeyBytes = 1 << 16;

    private const int Magic = 0x43424641; // "AFBC" little-endian
    private const int HashBytes = 32;
    private const int PrefixBytes = 4 + 4 + HashBytes + 4;

    /// <summary>The entry's bytes for <paramref name="values"/> (rows x columns, row-major) under <paramref name="key"/>.</summary>
    public static byte[] Encode(FeatureCacheKey key, int rows, int columns, ReadOnlySpan<float> values)
    {
        var keyBytes = key.ToBytes();
        var payload = MemoryMarshal.AsBytes(values);
        var header = PrefixBytes + keyBytes.Length + 8;
        var bytes = new byte[header + payload.Length + HashBytes];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], FormatVersion);
        key.Hash().CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[(8 + HashBytes)..], keyBytes.Length);
        keyBytes.CopyTo(span[PrefixBytes..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[(header - 8)..], rows);
        BinaryPrimitives.WriteInt32LittleEndian(span[(header - 4)..], columns);
        payload.CopyTo(span[header..]);
        SHA256.HashData(payload, span[(header + payload.Length)..]);
        return bytes;
    }

    /// <summary>The stored matrix, or null when <paramref name="bytes"/> is not a whole, intact entry for <paramref name="keyHash"/>.</summary>
    public static (int Rows, int Columns, float[] Values)? Decode(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> keyHash)
    {
        if (Layout(bytes, bytes.Length) is not var (header, rows, columns) || !bytes.Slice(8, HashBytes).SequenceEqual(keyHash)) return null;
        var payload = bytes.Slice(header, rows * columns * sizeof(float));
        Span<byte> hash = stackalloc byte[HashBytes];
        SHA256.HashData(payload, hash);
        if (!hash.SequenceEqual(bytes[(header + payload.Length)..])) return null;
        return (rows, columns, MemoryMarshal.Cast<byte, float>(payload).ToArray());
    }

    /// <summary>Whether <paramref name="head"/> (the start of a file) begins like an entry of any format version.</summary>
    public static bool LooksLikeEntry(ReadOnlySpan<byte> head) => head.Length >= 4 && BinaryPrimitives.ReadInt32LittleEndian(head) == Magic;

    /// <summary>
    /// The key an entry file was written for, judged from its head (<paramref name="head"/>, at least the key's end) and
    /// its length alone, without reading the values; null when it is of another format version or damaged.
    /// </summary>
    public static FeatureCacheKey? KeyOf(ReadOnlySpan<byte> head, long fileLength)
    {
        if (Layout(head, fileLength) is not var (header, _, _)) return null;
        var key = FeatureCacheKey.FromBytes(head[PrefixBytes..(header - 8)]);
        return key is not null && key.Hash().AsSpan().SequenceEqual(head.Slice(8, HashBytes)) ? key : null;
    }

    /// <summary>How many bytes of a file <see cref="KeyOf"/> needs at most for a key of <paramref name="keyBytes"/> bytes.</summary>
    public static int HeadBytes(int keyBytes) => PrefixBytes + keyBytes + 8;

    // Header length, rows and columns when the fixed fields agree with each other and with the file length.
    private static (int Header, int Rows, int Columns)? Layout(ReadOnlySpan<byte> head, long fileLength)
    {
        if (head.Length < PrefixBytes || !LooksLikeEntry(head) || BinaryPrimitives.ReadInt32LittleEndian(head[4..]) != FormatVersion) return null;
        var keyLength = BinaryPrimitives.ReadInt32LittleEndian(head[(8 + HashBytes)..]);
        if (keyLength is < 2 or > MaxKeyBytes || head.Length < HeadBytes(keyLength)) return null;
        var header = HeadBytes(keyLength);
        var rows = BinaryPrimitives.ReadInt32LittleEndian(head[(header - 8)..]);
        var columns = BinaryPrimitives.ReadInt32LittleEndian(head[(header - 4)..]);
        if (rows < 0 || columns < 0 || (long)rows * columns * sizeof(float) != fileLength - header - HashBytes) return null;
        return (header, rows, columns);
    }
}
