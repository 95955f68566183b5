using AstDsl.Audio.Codecs;
using AstDsl.Audio.Wav;

namespace AstDsl.Audio.Streaming;

/// <summary>
/// An audio file handed out a chunk of planar samples at a time, for scoring long recordings in bounded memory. A WAV
/// file is validated from its chunk headers (the checks and messages of <see cref="WavReader"/>), then its samples are
/// read from disk one chunk at a time, so a 30-minute 16 kHz mono file holds one second of samples instead of its
/// 58 MB of bytes (or 115 MB of floats plus features); compressed formats have no incremental decoder here and are
/// decoded whole, then handed out the same way.
/// </summary>
public sealed class AudioFileChunks : IDisposable
{
    private const int ChunkFrames = 16000;
    private readonly string _path;
    private readonly FileStream? _wav; // positioned at the next sample frame of the 'data' chunk
    private readonly WavFormat? _format;
    private readonly AudioClip? _clip;
    private byte[] _buffer = [];
    private long _next;

    private AudioFileChunks(string path, FileStream wav, WavReader.Layout layout)
    {
        _path = path;
        _format = layout.Format;
        _wav = wav;
        _wav.Seek(layout.DataOffset, SeekOrigin.Begin);
        (SampleRate, Channels, Frames) = (layout.Format.SampleRate, layout.Format.Channels, layout.DataLength / layout.Format.BlockAlign);
    }

    private AudioFileChunks(string path, AudioClip clip)
    {
        _path = path;
        _clip = clip;
        (SampleRate, Channels, Frames) = (clip.SampleRate, clip.Channels, clip.Frames);
    }

    /// <summary>Opens and validates <paramref name="path"/> (WAV, FLAC, Ogg Vorbis or MP3).</summary>
    /// <exception cref="AudioFormatException">The file cannot be decoded.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static AudioFileChunks Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = WavReader.OpenBounded(path);
        try
        {
            Span<byte> head = stackalloc byte[16];
            if (AudioFile.Detect(head[..file.Read(head)]) == AudioFile.Kind.Wav)
                return new AudioFileChunks(path, file, WavReader.Parse(new WavBytes.OnDisk(file), path));
        }
        catch
        {
            file.Dispose();
            throw;
        }
        file.Dispose();
        return new AudioFileChunks(path, AudioFile.Decode(WavReader.ReadBounded(path), path));
    }

    /// <summary>Sample rate of the file in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>Channels of the file.</summary>
    public int Channels { get; }

    /// <summary>Sample frames (samples per channel) in the file.</summary>
    public long Frames { get; }

    /// <summary>The next chunk of planar samples (channel c at [c n, (c+1) n)), or null after the last one.</summary>
    public float[]? Read()
    {
        if (_next >= Frames) return null;
        var count = (int)Math.Min(ChunkFrames, Frames - _next);
        float[] chunk;
        if (_wav is not null)
        {
            var length = count * _format!.BlockAlign;
            if (_buffer.Length < length) _buffer = new byte[length];
            try
            {
                _wav.ReadExactly(_buffer, 0, length);
            }
            catch (EndOfStreamException)
            {
                throw new AudioFormatException(_path, _wav.Position, "the file became shorter while it was read", "Score it again once it is no longer being written.");
            }
            chunk = SampleDecoder.Deinterleave(_buffer.AsSpan(0, length), _format);
        }
        else
        {
            chunk = new float[count * Channels];
            for (var c = 0; c < Channels; c++)
                _clip!.Channel(c).Slice((int)_next, count).CopyTo(chunk.AsSpan(c * count, count));
        }
        _next += count;
        return chunk;
    }

    /// <summary>Closes the WAV file.</summary>
    public void Dispose() => _wav?.Dispose();
}
