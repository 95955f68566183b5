using System.Buffers.Binary;
using System.Text;

namespace AstDsl.Audio.Wav;

/// <summary>
/// Reads RIFF/WAVE files: PCM 8/16/24/32-bit, IEEE float 32/64, plain or WAVE_FORMAT_EXTENSIBLE, any channel count,
/// skipping unknown chunks (LIST, fact, ...) and their pad bytes. Samples are scaled as torchaudio.load does
/// (int16 / 32768, unsigned 8-bit (x - 128) / 128, ...), so the result matches it bit for bit.
/// </summary>
public static class WavReader
{
    private const ushort TagPcm = 1;
    private const ushort TagFloat = 3;
    private const ushort TagExtensible = 0xFFFE;
    private const string ConvertHint = "Convert it to PCM or float WAV, e.g. `ffmpeg -i in -c:a pcm_s16le out.wav`.";
    private const string StreamHint =
        "Send WAV, or headerless 16-bit little-endian PCM with --rate HZ (e.g. `ffmpeg -i in -f s16le -ac 1 -ar 16000 -`).";

    // A chunk before the audio of a stream larger than this is not a stream we can read: its bytes are held in memory.
    private const int MaxStreamedChunk = 1 << 20;

    // Every KSDATAFORMAT_SUBTYPE GUID for a classic format tag ends with these 14 bytes.
    private static readonly byte[] SubformatSuffix =
        [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>The largest WAV file read (decoded, it takes up to four times as much memory).</summary>
    public const long MaxFileBytes = InputFile.OneGiB;

    /// <summary>Reads and decodes a WAV file.</summary>
    /// <exception cref="AudioFormatException">The file is empty, truncated, not WAV, in an unsupported encoding, a folder, not a regular file or larger than <see cref="MaxFileBytes"/>.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static AudioClip Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Decode(ReadBounded(path), path);
    }

    /// <summary>The bytes of an audio file, refused with a clear error when it is a folder, a device or larger than <see cref="MaxFileBytes"/>.</summary>
    internal static byte[] ReadBounded(string path) => InputFile.ReadAllBytes(path, MaxFileBytes, problem => Unreadable(path, problem));

    /// <summary>An audio file opened after the checks of <see cref="ReadBounded"/>, to be read in parts.</summary>
    internal static FileStream OpenBounded(string path) => InputFile.OpenBounded(path, MaxFileBytes, problem => Unreadable(path, problem));

    private static AudioFormatException Unreadable(string path, string problem) => new(path, -1, problem,
        "Pass a regular audio file of at most 1 GiB; split longer recordings, e.g. `sox in.wav part.wav trim 0 3600 : newfile : restart`.");

    /// <summary>Decodes a complete WAV file held in memory; <paramref name="name"/> labels errors.</summary>
    public static AudioClip Decode(ReadOnlySpan<byte> bytes, string name)
    {
        var layout = Parse(new WavBytes.InMemory(bytes), name);
        var data = bytes.Slice(layout.DataOffset, layout.DataLength);
        return new AudioClip(SampleDecoder.Deinterleave(data, layout.Format), layout.Format.Channels, layout.Format.SampleRate);
    }

    /// <summary>
    /// Where the samples of a validated WAV file lie in its bytes; for a stream, <see cref="DataLength"/> is 0 and the
    /// samples are the rest of it.
    /// </summary>
    internal readonly record struct Layout(WavFormat Format, int DataOffset, int DataLength);

    /// <summary>
    /// Validates a complete WAV file (the same checks and messages as <see cref="Decode"/>) without decoding it,
    /// reading only its chunk headers and format chunk from <paramref name="bytes"/>. A stream is read only up to its
    /// first 'data' chunk header, which must follow the 'fmt ' chunk.
    /// </summary>
    internal static Layout Parse<TBytes>(TBytes bytes, string name) where TBytes : IWavBytes, allows ref struct
    {
        var noun = bytes.IsStream ? "stream" : "file";
        var notWavHint = bytes.IsStream ? StreamHint : ConvertHint;
        var header = bytes.Available(0, 12);
        if (header == 0)
            throw new AudioFormatException(name, -1, $"the {noun} is empty (0 bytes)", "Re-export or re-download it.");
        if (header < 12)
            throw new AudioFormatException(name, header,
                $"truncated: the {noun} has {header} bytes but a RIFF/WAVE header needs 12", "Re-export or re-download it.");
        var riff = FourCc(bytes.Slice(0, 4));
        if (riff != "RIFF")
            throw new AudioFormatException(name, 0,
                riff is "RIFX" or "RF64"
                    ? $"'{riff}' WAV files (big-endian or 64-bit) are not supported"
                    : $"not a WAV {noun}: it starts with {Printable(bytes.Slice(0, 4))} instead of 'RIFF'",
                notWavHint);
        if (FourCc(bytes.Slice(8, 4)) != "WAVE")
            throw new AudioFormatException(name, 8,
                $"a RIFF {noun} of type {Printable(bytes.Slice(8, 4))}, not 'WAVE'", notWavHint);

        WavFormat? format = null;
        int dataOffset = -1, dataLength = 0;
        var streamed = false;
        var position = 12;
        while (bytes.Available(position, 8) is var head && head > 0)
        {
            if (head < 8)
            {
                // A few stray bytes after the audio are harmless; before it they mean the file was cut short.
                if (format != null && dataOffset >= 0) break;
                throw Truncated(name, noun, position, $"a chunk header needs 8 bytes but only {head} remain");
            }
            var id = FourCc(bytes.Slice(position, 4));
            var size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(position + 4, 4));
            var body = position + 8;
            if (id == "data" && bytes.IsStream)
            {
                // A stream is read front to back: its samples follow here, however long its writer said they would be.
                if (format == null)
                    throw new AudioFormatException(name, position, "the 'data' chunk comes before any 'fmt ' chunk", "Re-export the stream as standard WAV.");
                return new Layout(format, body, 0);
            }
            if (id == "data" && size == uint.MaxValue)
            {
                // Writers that stream to a pipe cannot seek back to fill in the size: the audio runs to the end of the file.
                dataOffset = body;
                dataLength = bytes.Available(body, size);
                streamed = true;
                break;
            }
            if (bytes.IsStream && size > MaxStreamedChunk)
                throw new AudioFormatException(name, position, $"the '{id}' chunk before the audio declares {size} bytes", "Re-export the stream as standard WAV.");
            var remaining = bytes.Available(body, size);
            if (id == "data")
            {
                if (size > remaining)
                    throw Truncated(name, noun, position, $"the 'data' chunk declares {size} bytes but only {remaining} follow");
                dataOffset = body;
                dataLength = (int)size;
            }
            else if (id == "fmt ")
            {
                if (size > remaining)
                    throw Truncated(name, noun, position, $"the 'fmt ' chunk declares {size} bytes but only {remaining} follow");
                format = ParseFormat(bytes.Slice(body, (int)size), name, body);
            }
            else if (size > remaining && format != null && dataOffset >= 0)
            {
                break; // a damaged trailing metadata chunk does not affect the audio
            }
            else if (size > remaining)
            {
                throw Truncated(name, noun, position, $"the '{id}' chunk declares {size} bytes but only {remaining} follow");
            }
            position = (int)Math.Min(int.MaxValue, body + (long)size + (size & 1)); // chunks are padded to even length
        }

        if (format == null)
            throw new AudioFormatException(name, -1, "no 'fmt ' chunk: the sample format is unknown", ConvertHint);
        if (dataOffset < 0)
            throw new AudioFormatException(name, -1, $"no 'data' chunk: the {noun} holds no audio", "Re-export or re-download it.");
        if (streamed) dataLength -= dataLength % format.BlockAlign;
        if (dataLength % format.BlockAlign != 0)
            throw Truncated(name, noun, dataOffset + dataLength,
                $"the 'data' chunk has {dataLength} bytes, not a whole number of {format.BlockAlign}-byte frames");
        return new Layout(format, dataOffset, dataLength);
    }

    internal static WavFormat ParseFormat(ReadOnlySpan<byte> chunk, string name, int offset)
    {
        if (chunk.Length < 16)
            throw new AudioFormatException(name, offset, $"the 'fmt ' chunk has {chunk.Length} bytes, fewer than the required 16", ConvertHint);
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(chunk);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(chunk[2..]);
        var rate = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(chunk[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(chunk[14..]);

        if (tag == TagExtensible)
        {
            if (chunk.Length < 40)
                throw new AudioFormatException(name, offset,
                    $"WAVE_FORMAT_EXTENSIBLE needs a 40-byte 'fmt ' chunk, this one has {chunk.Length}", ConvertHint);
            var guid = chunk.Slice(24, 16);
            if (!guid[2..].SequenceEqual(SubformatSuffix))
                throw new AudioFormatException(name, offset + 24, "the extensible sub-format is not a standard PCM or float GUID", ConvertHint);
            tag = BinaryPrimitives.ReadUInt16LittleEndian(guid);
        }
        if (channels == 0)
            throw new AudioFormatException(name, offset + 2, "the header declares 0 channels", "Re-export the file.");
        if (rate == 0 || rate > int.MaxValue)
            throw new AudioFormatException(name, offset + 4, $"invalid sample rate {rate}", "Re-export the file.");

        WavEncoding encoding = (tag, bits) switch
        {
            (TagPcm, 8) => WavEncoding.Pcm8,
            (TagPcm, 16) => WavEncoding.Pcm16,
            (TagPcm, 24) => WavEncoding.Pcm24,
            (TagPcm, 32) => WavEncoding.Pcm32,
            (TagFloat, 32) => WavEncoding.Float32,
            (TagFloat, 64) => WavEncoding.Float64,
            (TagPcm or TagFloat, _) => throw new AudioFormatException(name, offset + 14,
                $"{bits}-bit {(tag == TagPcm ? "PCM" : "float")} samples are not supported (PCM 8/16/24/32, float 32/64 are)", ConvertHint),
            _ => throw new AudioFormatException(name, offset,
                $"format tag 0x{tag:X4} ({TagName(tag)}) is not supported (PCM and IEEE float are)", ConvertHint),
        };
        var format = new WavFormat(encoding, channels, (int)rate);
        if (blockAlign != format.BlockAlign)
            throw new AudioFormatException(name, offset + 12,
                $"block align {blockAlign} does not match {channels} channel(s) of {bits}-bit samples ({format.BlockAlign})", "Re-export the file.");
        return format;
    }

    private static AudioFormatException Truncated(string name, string noun, long position, string what) =>
        new(name, position, "truncated: " + what, $"The {noun} was cut short; re-export or re-download it.");

    private static string FourCc(ReadOnlySpan<byte> id) => Encoding.ASCII.GetString(id);

    private static string Printable(ReadOnlySpan<byte> bytes) =>
        "'" + string.Concat(bytes.ToArray().Select(b => b is >= 32 and < 127 ? ((char)b).ToString() : $"\\x{b:X2}")) + "'";

    private static string TagName(ushort tag) => tag switch
    {
        2 => "Microsoft ADPCM",
        6 => "A-law",
        7 => "mu-law",
        0x11 => "IMA ADPCM",
        0x55 => "MP3",
        _ => "compressed or vendor-specific",
    };
}
