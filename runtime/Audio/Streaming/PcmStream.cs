using System.Buffers.Binary;
using System.Text;
using AstDsl.Audio.Wav;

namespace AstDsl.Audio.Streaming;

/// <summary>
/// PCM from a pipe or a file that is still being written: a WAV header (any data size, including the "unknown"
/// 0xFFFFFFFF of streaming writers) followed by samples, or headerless s16le at a rate the caller states. Reads a
/// bounded chunk at a time. For a growing file, <see cref="IdleTimeout"/> says how long to wait for more bytes
/// before treating the stream as ended.
/// </summary>
public sealed class PcmStream
{
    private const int ChunkFrames = 4000;
    private const int MaxHeaderChunk = 1 << 20; // a 'fmt ' or metadata chunk before the audio larger than this is not a stream we can read
    private readonly Stream _input;
    private readonly string _name;
    private readonly byte[] _buffer;
    private int _carried; // bytes of a partial frame kept from the previous read
    private long _position;

    private PcmStream(Stream input, string name, WavFormat format, long position, TimeSpan idle)
    {
        _input = input;
        _name = name;
        Format = format;
        _position = position;
        IdleTimeout = idle;
        _buffer = new byte[ChunkFrames * format.BlockAlign];
    }

    /// <summary>Sample encoding, channels and rate.</summary>
    public WavFormat Format { get; }

    /// <summary>How long an empty read is retried before the stream counts as ended (zero for pipes).</summary>
    public TimeSpan IdleTimeout { get; }

    /// <summary>Opens a stream: headerless s16le when <paramref name="rawRate"/> is given, otherwise a WAV header is read.</summary>
    /// <exception cref="AudioFormatException">The header is not WAV or not a PCM/float format.</exception>
    public static PcmStream Open(Stream input, string name, int? rawRate = null, int rawChannels = 1, TimeSpan idle = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (rawRate is { } rate)
        {
            if (rate < 1) throw new ArgumentException($"--rate {rate}: use a positive sample rate in Hz.");
            if (rawChannels < 1) throw new ArgumentException($"--channels {rawChannels}: use at least 1.");
            return new PcmStream(input, name, new WavFormat(WavEncoding.Pcm16, rawChannels, rate), 0, idle);
        }
        var header = new HeaderReader(input, name, idle);
        var riff = header.Take(12, "the RIFF header");
        if (Encoding.ASCII.GetString(riff, 0, 4) != "RIFF" || Encoding.ASCII.GetString(riff, 8, 4) != "WAVE")
            throw new AudioFormatException(name, 0, "the stream does not start with a RIFF/WAVE header",
                "Send WAV, or headerless 16-bit little-endian PCM with --rate HZ (e.g. `ffmpeg -i in -f s16le -ac 1 -ar 16000 -`).");
        WavFormat? format = null;
        while (true)
        {
            var at = header.Position;
            var chunk = header.Take(8, "a chunk header");
            var id = Encoding.ASCII.GetString(chunk, 0, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(4));
            if (id == "data")
            {
                if (format is null) throw new AudioFormatException(name, at, "the 'data' chunk comes before any 'fmt ' chunk", "Re-export the stream as standard WAV.");
                return new PcmStream(input, name, format, header.Position, idle);
            }
            if (size > MaxHeaderChunk)
                throw new AudioFormatException(name, at, $"the '{id}' chunk before the audio declares {size} bytes", "Re-export the stream as standard WAV.");
            var body = header.Take((int)(size + (size & 1)), $"the '{id}' chunk");
            if (id == "fmt ") format = WavReader.ParseFormat(body.AsSpan(0, (int)size), name, (int)at + 8);
        }
    }

    /// <summary>The next planar samples (channel c at [c n, (c+1) n)), or null once the stream has ended.</summary>
    public float[]? Read()
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var got = _input.Read(_buffer, _carried, _buffer.Length - _carried);
            if (got > 0)
            {
                _position += got;
                var total = _carried + got;
                var whole = total - total % Format.BlockAlign;
                if (whole == 0)
                {
                    _carried = total;
                    continue;
                }
                var samples = SampleDecoder.Deinterleave(_buffer.AsSpan(0, whole), Format);
                _carried = total - whole;
                _buffer.AsSpan(whole, _carried).CopyTo(_buffer);
                return samples;
            }
            if (waited.Elapsed >= IdleTimeout) return null; // a trailing partial frame is dropped, as the WAV reader does
            Thread.Sleep(50);
        }
    }

    /// <summary>Byte offset in the stream of the next unread byte.</summary>
    public long Position => _position;

    // Reads exact byte counts for the header, waiting on a growing file like Read.
    private sealed class HeaderReader(Stream input, string name, TimeSpan idle)
    {
        public long Position { get; private set; }

        public byte[] Take(int count, string what)
        {
            var bytes = new byte[count];
            var filled = 0;
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (filled < count)
            {
                var got = input.Read(bytes, filled, count - filled);
                if (got > 0)
                {
                    filled += got;
                    waited.Restart();
                    continue;
                }
                if (waited.Elapsed >= idle)
                    throw new AudioFormatException(name, Position + filled, $"truncated: the stream ends inside {what}", "Send a complete WAV header.");
                Thread.Sleep(50);
            }
            Position += count;
            return bytes;
        }
    }
}
