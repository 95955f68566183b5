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
    /// <exception cref="AudioFormatException">The header is not WAV or not a PCM/float format (the checks and messages of <see cref="WavReader"/>).</exception>
    public static PcmStream Open(Stream input, string name, int? rawRate = null, int rawChannels = 1, TimeSpan idle = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (rawRate is { } rate)
        {
            if (rate < 1) throw new ArgumentException($"--rate {rate}: use a positive sample rate in Hz.");
            if (rawChannels < 1) throw new ArgumentException($"--channels {rawChannels}: use at least 1.");
            return new PcmStream(input, name, new WavFormat(WavEncoding.Pcm16, rawChannels, rate), 0, idle);
        }
        var layout = WavReader.Parse(new WavBytes.Streamed(input, idle), name);
        return new PcmStream(input, name, layout.Format, layout.DataOffset, idle);
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
}
