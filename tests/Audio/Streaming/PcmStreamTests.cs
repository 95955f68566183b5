using AstDsl.Audio.Streaming;
using AstDsl.Audio.Wav;

namespace AstDsl.Audio.Tests.Streaming;

/// <summary>The stream reader decodes what the WAV reader decodes, piece by piece, and names what is wrong with a bad stream.</summary>
public class PcmStreamTests
{
    [Fact]
    public void Wav_stream_with_unknown_size_reads_all_samples()
    {
        var clip = Signals.Noise(3, 10_001, channels: 2);
        var bytes = WavWriter.Encode(clip);
        BitConverter.TryWriteBytes(bytes.AsSpan(40), uint.MaxValue); // as a writer streaming to a pipe leaves it
        var pcm = PcmStream.Open(new MemoryStream(bytes), "pipe");
        Assert.Equal((2, 16000), (pcm.Format.Channels, pcm.Format.SampleRate));
        var left = new List<float>();
        while (pcm.Read() is { } planar) left.AddRange(planar.AsSpan(0, planar.Length / 2).ToArray());
        Assert.Equal(WavReader.Decode(bytes, "pipe").Channel(0).ToArray(), left);
    }

    [Fact]
    public void Headerless_input_without_rate_is_named()
    {
        var error = Assert.Throws<AudioFormatException>(() => PcmStream.Open(new MemoryStream(new byte[64]), "standard input"));
        Assert.Equal("standard input: at byte 0: the stream does not start with a RIFF/WAVE header. Send WAV, or headerless 16-bit " +
                     "little-endian PCM with --rate HZ (e.g. `ffmpeg -i in -f s16le -ac 1 -ar 16000 -`).", error.Message);
    }

    [Fact]
    public void Cut_header_is_named()
    {
        var bytes = WavWriter.Encode(Signals.Tone(440, 0.01))[..30];
        var error = Assert.Throws<AudioFormatException>(() => PcmStream.Open(new MemoryStream(bytes), "cut.wav"));
        Assert.Equal("cut.wav: at byte 30: truncated: the stream ends inside the 'fmt ' chunk. Send a complete WAV header.", error.Message);
    }
}
