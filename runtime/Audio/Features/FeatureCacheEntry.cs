using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace AstDsl.Audio.Features;

/// <summary>
/// The bytes of one <see cref="FeatureCache"/> file: magic, format version, the SHA-256 of the key it was written for,
/// rows, columns, the float32 values, then the SHA-256 of those values. Anything that does not check out (short,
/// foreign, another key or version, flipped bits) reads as absent, so the caller recomputes instead of failing.
/// </summary>
internal static class FeatureCacheEntry
{
    /// <summary>Bumped whenever the layout or the meaning of the stored values changes; older entries then miss.</summary>
    public const int FormatVersion = 1;

    private const int Magic = 0x43424641; // "AFBC" little-endian
    private const int HashBytes = 32;
    private const int HeaderBytes = 4 + 4 + HashBytes + 4 + 4;

    /// <summary>The entry's bytes for <paramref name="values"/> (rows x columns, row-major) under <paramref name="keyHash"/>.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> keyHash, int rows, int columns, ReadOnlySpan<float> values)
    {
        var payload = MemoryMarshal.AsBytes(values);
        var bytes = new byte[HeaderBytes + payload.Length + HashBytes];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], FormatVersion);
        keyHash.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[(8 + HashBytes)..], rows);
        BinaryPrimitives.WriteInt32LittleEndian(span[(12 + HashBytes)..], columns);
        payload.CopyTo(span[HeaderBytes..]);
        SHA256.HashData(payload, span[(HeaderBytes + payload.Length)..]);
        return bytes;
    }

    /// <summary>The stored matrix, or null when <paramref name="bytes"/> is not a whole, intact entry for <paramref name="keyHash"/>.</summary>
    public static (int Rows, int Columns, float[] Values)? Decode(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> keyHash)
    {
        if (bytes.Length < HeaderBytes + HashBytes
            || BinaryPrimitives.ReadInt32LittleEndian(bytes) != Magic
            || BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]) != FormatVersion
            || !bytes.Slice(8, HashBytes).SequenceEqual(keyHash))
            return null;
        var rows = BinaryPrimitives.ReadInt32LittleEndian(bytes[(8 + HashBytes)..]);
        var columns = BinaryPrimitives.ReadInt32LittleEndian(bytes[(12 + HashBytes)..]);
        if (rows < 0 || columns < 0 || (long)rows * columns * sizeof(float) != bytes.Length - HeaderBytes - HashBytes) return null;
        var payload = bytes.Slice(HeaderBytes, rows * columns * sizeof(float));
        Span<byte> hash = stackalloc byte[HashBytes];
        SHA256.HashData(payload, hash);
        if (!hash.SequenceEqual(bytes[(HeaderBytes + payload.Length)..])) return null;
        return (rows, columns, MemoryMarshal.Cast<byte, float>(payload).ToArray());
    }
}
