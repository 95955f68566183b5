using System.Buffers.Binary;

namespace AstDsl.Tagging;

/// <summary>
/// A small reader for RIFF/WAVE files: integer PCM (8, 16, 24, 32 bit) and IEEE float (32, 64 bit), also in the
/// extensible format, scaled to [-1, 1) as torchaudio does (int16 / 32768).
/// </summary>
public static class WavFile
{
    private const ushort Pcm = 1;
    private const ushort IeeeFloat = 3;
    private const ushort Extensible = 0xFFFE;

    /// <summary>Reads <paramref name="path"/>: samples per channel and the sample rate.</summary>
    /// <exception cref="InvalidDataException">Not a WAV file this reader understands; the message says why.</exception>
    public static (float[][] Channels, int SampleRate) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 12 || !Tag(bytes, 0, "RIFF") || !Tag(bytes, 8, "WAVE"))
            throw new InvalidDataException($"{path} is not a RIFF/WAVE file; convert it to WAV first (e.g. ffmpeg -i in.mp3 -ar 16000 -ac 1 out.wav).");
        (ushort Format, int Channels, int Rate, int Bits)? format = null;
        for (var pos = 12; pos + 8 <= bytes.Length;)
        {
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos + 4));
            var body = pos + 8;
            if (size < 0 || body + size > bytes.Length) size = bytes.Length - body; // a truncated last chunk: read what is there
            if (Tag(bytes, pos, "fmt ")) format = ReadFormat(bytes.AsSpan(body, size), path);
            else if (Tag(bytes, pos, "data"))
            {
                if (format is not { } f) throw new InvalidDataException($"{path}: the data chunk comes before the fmt chunk.");
                return (Decode(bytes.AsSpan(body, size), f.Format, f.Channels, f.Bits, path), f.Rate);
            }
            pos = body + size + (size & 1);
        }
        throw new InvalidDataException($"{path} has no data chunk.");
    }

    /// <summary>
    /// <paramref name="path"/> as one mono signal: channel 0, as the official AST dataloader, or with
    /// <paramref name="downmix"/> the mean of all channels.
    /// </summary>
    public static (float[] Samples, int SampleRate) ReadMono(string path, bool downmix)
    {
        var (channels, rate) = Read(path);
        if (!downmix || channels.Length == 1) return (channels[0], rate);
        var mono = new float[channels[0].Length];
        for (var i = 0; i < mono.Length; i++) mono[i] = channels.Average(c => c[i]);
        return (mono, rate);
    }

    private static (ushort, int, int, int) ReadFormat(ReadOnlySpan<byte> chunk, string path)
    {
        if (chunk.Length < 16) throw new InvalidDataException($"{path}: fmt chunk too short ({chunk.Length} bytes).");
        var format = BinaryPrimitives.ReadUInt16LittleEndian(chunk);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(chunk[2..]);
        var rate = BinaryPrimitives.ReadInt32LittleEndian(chunk[4..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(chunk[14..]);
        if (format == Extensible && chunk.Length >= 26) format = BinaryPrimitives.ReadUInt16LittleEndian(chunk[24..]);
        var supported = (format == Pcm && bits is 8 or 16 or 24 or 32) || (format == IeeeFloat && bits is 32 or 64);
        if (!supported || channels == 0 || rate <= 0)
            throw new InvalidDataException($"{path}: {bits}-bit format {format} with {channels} channels at {rate} Hz is not supported; use PCM (8-32 bit) or float WAV.");
        return (format, channels, rate, bits);
    }

    private static float[][] Decode(ReadOnlySpan<byte> data, ushort format, int channels, int bits, string path)
    {
        var width = bits / 8;
        var frames = data.Length / (width * channels);
        if (frames == 0) throw new InvalidDataException($"{path} holds no samples.");
        var result = new float[channels][];
        for (var c = 0; c < channels; c++) result[c] = new float[frames];
        for (var i = 0; i < frames; i++)
            for (var c = 0; c < channels; c++)
                result[c][i] = Sample(data.Slice((i * channels + c) * width, width), format, bits);
        return result;
    }

    private static float Sample(ReadOnlySpan<byte> s, ushort format, int bits) => (format, bits) switch
    {
        (IeeeFloat, 32) => BinaryPrimitives.ReadSingleLittleEndian(s),
        (IeeeFloat, _) => (float)BinaryPrimitives.ReadDoubleLittleEndian(s),
        (_, 8) => (s[0] - 128) / 128f,
        (_, 16) => BinaryPrimitives.ReadInt16LittleEndian(s) / 32768f,
        (_, 24) => ((s[0] << 8 | s[1] << 16 | s[2] << 24) >> 8) / 8388608f,
        _ => (float)(BinaryPrimitives.ReadInt32LittleEndian(s) / 2147483648.0),
    };

    private static bool Tag(byte[] bytes, int at, string tag) =>
        at + 4 <= bytes.Length && bytes[at] == tag[0] && bytes[at + 1] == tag[1] && bytes[at + 2] == tag[2] && bytes[at + 3] == tag[3];
}
