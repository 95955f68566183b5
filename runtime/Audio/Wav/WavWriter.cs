using System.Buffers.Binary;
using System.Text;

namespace AstDsl.Audio.Wav;

/// <summary>
/// Writes WAV files in any <see cref="WavEncoding"/>. PCM is quantised as clip(round(x * 2^(bits-1))), round half to even,
/// so that <see cref="WavReader"/> (and torchaudio) read back exactly the quantised values.
/// </summary>
public static class WavWriter
{
    /// <summary>Writes <paramref name="clip"/> to <paramref name="path"/>, creating the folder if needed.</summary>
    /// <param name="path">Destination file.</param>
    /// <param name="clip">Audio to write.</param>
    /// <param name="encoding">Sample encoding; 16-bit PCM by default.</param>
    /// <param name="extensible">Write a WAVE_FORMAT_EXTENSIBLE header instead of the classic 16-byte one.</param>
    public static void Write(string path, AudioClip clip, WavEncoding encoding = WavEncoding.Pcm16, bool extensible = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        File.WriteAllBytes(path, Encode(clip, encoding, extensible));
    }

    /// <summary>The complete WAV file for <paramref name="clip"/> as bytes.</summary>
    public static byte[] Encode(AudioClip clip, WavEncoding encoding = WavEncoding.Pcm16, bool extensible = false)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var format = new WavFormat(encoding, clip.Channels, clip.SampleRate);
        var fmtSize = extensible ? 40 : 16;
        var dataSize = (long)clip.Frames * format.BlockAlign;
        if (dataSize + fmtSize + 20 > uint.MaxValue)
            throw new ArgumentException($"{dataSize} bytes of audio exceed the 4 GiB RIFF limit", nameof(clip));
        var bytes = new byte[12 + 8 + fmtSize + 8 + dataSize + (dataSize & 1)];
        var span = bytes.AsSpan();
        Ascii(span, 0, "RIFF");
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(bytes.Length - 8));
        Ascii(span, 8, "WAVE");
        Ascii(span, 12, "fmt ");
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], (uint)fmtSize);
        WriteFormat(span.Slice(20, fmtSize), format, extensible);
        var dataHeader = 20 + fmtSize;
        Ascii(span, dataHeader, "data");
        BinaryPrimitives.WriteUInt32LittleEndian(span[(dataHeader + 4)..], (uint)dataSize);
        SampleEncoder.Interleave(clip, encoding, span.Slice(dataHeader + 8, (int)dataSize));
        return bytes;
    }

    private static void WriteFormat(Span<byte> fmt, WavFormat format, bool extensible)
    {
        var tag = (ushort)(format.Encoding.IsFloat() ? 3 : 1);
        var bits = (ushort)(format.Encoding.BytesPerSample() * 8);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, extensible ? (ushort)0xFFFE : tag);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[2..], (ushort)format.Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt[4..], (uint)format.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt[8..], (uint)(format.SampleRate * format.BlockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[12..], (ushort)format.BlockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[14..], bits);
        if (!extensible) return;
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[16..], 22);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[18..], bits);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt[20..], 0); // no speaker positions assigned
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[24..], tag);
        ReadOnlySpan<byte> suffix = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        suffix.CopyTo(fmt[26..]);
    }

    private static void Ascii(Span<byte> span, int offset, string fourCc) => Encoding.ASCII.GetBytes(fourCc, span.Slice(offset, 4));
}
