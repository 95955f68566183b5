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
    public void Odd_sized_chunks_before_the_audio_are_skipped_with_their_pad_byte_as_in_files()
    {
        var plain = WavWriter.Encode(Signals.Tone(440, 0.01, 8000));
        var fmtEnd = 12 + 8 + 16;
        var list = Wav.WavBytes.Chunk("LIST", "INFOISFTabc"u8.ToArray()); // 11 bytes: odd, padded
        var bytes = plain[..fmtEnd].Concat(list).Concat(plain[fmtEnd..]).ToArray();
        var pcm = PcmStream.Open(new TricklingStream(bytes), "pipe");
        Assert.Equal(fmtEnd + list.Length + 8, pcm.Position);
        var samples = new List<float>();
        while (pcm.Read() is { } planar) samples.AddRange(planar);
        Assert.Equal(WavReader.Decode(plain, "plain.wav").Samples, samples);
    }

    [Fact]
    public void Headerless_input_without_rate_is_named()
    {
        var error = Assert.Throws<AudioFormatException>(() => PcmStream.Open(new MemoryStream(new byte[64]), "standard input"));
        Assert.Equal("standard input: at byte 0: not a WAV stream: it starts with '\\x00\\x00\\x00\\x00' instead of 'RIFF'. Send WAV, or headerless 16-bit " +
                     "little-endian PCM with --rate HZ (e.g. `ffmpeg -i in -f s16le -ac 1 -ar 16000 -`).", error.Message);
    }

    [Fact]
    public void Cut_header_is_named()
    {
        var bytes = WavWriter.Encode(Signals.Tone(440, 0.01))[..30];
        var error = Assert.Throws<AudioFormatException>(() => PcmStream.Open(new MemoryStream(bytes), "cut.wav"));
        Assert.Equal("cut.wav: at byte 12: truncated: the 'fmt ' chunk declares 16 bytes but only 10 follow. The stream was cut short; re-export or re-download it.", error.Message);
    }

    // Hands out one byte a read, as a slow pipe may: the header parser must not read into the samples.
    private sealed class TricklingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));
    }
}
