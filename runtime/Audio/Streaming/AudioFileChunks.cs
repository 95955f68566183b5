using AstDsl.Audio.Codecs;
using AstDsl.Audio.Wav;

namespace AstDsl.Audio.Streaming;

/// <summary>
/// An audio file handed out a chunk of planar samples at a time, for scoring long recordings in bounded memory. A WAV
/// file is validated whole (the messages of <see cref="WavReader"/>) but decoded chunk by chunk from its bytes, so a
/// 30-minute 16 kHz mono file costs its 58 MB of bytes instead of 115 MB of floats plus features; compressed formats
/// have no incremental decoder here and are decoded whole, then handed out the same way.
/// </summary>
public sealed class AudioFileChunks
{
    private const int ChunkFrames = 16000;
    private readonly byte[]? _bytes;
    private readonly WavReader.Layout _layout;
    private readonly AudioClip? _clip;
    private long _next;

    private AudioFileChunks(byte[] bytes, WavReader.Layout layout)
    {
        _bytes = bytes;
        _layout = layout;
        (SampleRate, Channels, Frames) = (layout.Format.SampleRate, layout.Format.Channels, layout.DataLength / layout.Format.BlockAlign);
    }

    private AudioFileChunks(AudioClip clip)
    {
        _clip = clip;
        (SampleRate, Channels, Frames) = (clip.SampleRate, clip.Channels, clip.Frames);
    }

    /// <summary>Opens and validates <paramref name="path"/> (WAV, FLAC, Ogg Vorbis or MP3).</summary>
    /// <exception cref="AudioFormatException">The file cannot be decoded.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static AudioFileChunks Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = WavReader.ReadBounded(path);
        return AudioFile.Detect(bytes) == AudioFile.Kind.Wav
            ? new AudioFileChunks(bytes, WavReader.Parse(bytes, path))
            : new AudioFileChunks(AudioFile.Decode(bytes, path));
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
        if (_bytes is not null)
        {
            var block = _layout.Format.BlockAlign;
            chunk = SampleDecoder.Deinterleave(_bytes.AsSpan(_layout.DataOffset + (int)(_next * block), count * block), _layout.Format);
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
}
