using AstDsl.Audio.Wav;

namespace AstDsl.Audio.Tests.Wav;

public sealed class WavRoundTripTests
{
    public static TheoryData<WavEncoding, int, bool> Formats()
    {
        var data = new TheoryData<WavEncoding, int, bool>();
        foreach (var encoding in Enum.GetValues<WavEncoding>())
            foreach (var channels in new[] { 1, 2, 3, 6 })
                data.Add(encoding, channels, channels > 2);
        data.Add(WavEncoding.Pcm16, 2, true);
        data.Add(WavEncoding.Float32, 1, true);
        return data;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Writes_and_reads_back_every_encoding_and_channel_count(WavEncoding encoding, int channels, bool extensible)
    {
        var clip = Signals.Noise(channels, 1001, channels, rate: 22050);
        var back = WavReader.Decode(WavWriter.Encode(clip, encoding, extensible), "mem.wav");
        Assert.Equal(channels, back.Channels);
        Assert.Equal(22050, back.SampleRate);
        Assert.Equal(1001, back.Frames);
        var step = encoding switch
        {
            WavEncoding.Pcm8 => 1.0 / 128,
            WavEncoding.Pcm16 => 1.0 / 32768,
            WavEncoding.Pcm24 => 1.0 / 8388608,
            _ => 0,
        };
        for (var i = 0; i < clip.Samples.Length; i++)
            Assert.True(Math.Abs(back.Samples[i] - clip.Samples[i]) <= step / 2 + 1e-7,
                $"sample {i}: {back.Samples[i]} vs {clip.Samples[i]}");
        // A second round trip is exact: quantised values are representable.
        var again = WavReader.Decode(WavWriter.Encode(back, encoding, extensible), "mem.wav");
        Assert.Equal(back.Samples, again.Samples);
    }

    [Fact]
    public void Scaling_matches_torchaudio_at_the_extremes()
    {
        var clip = new AudioClip([-1f, 0.5f, 0.99999f], 1, 8000);
        Assert.Equal(new[] { -1f, 0.5f, 32767f / 32768 }, WavReader.Decode(WavWriter.Encode(clip), "x").Samples);
        Assert.Equal(new[] { -1f, 0.5f, 127f / 128 }, WavReader.Decode(WavWriter.Encode(clip, WavEncoding.Pcm8), "x").Samples);
        var loud = new AudioClip([2f, -3f, float.NaN], 1, 8000);
        Assert.Equal(new[] { 32767f / 32768, -1f, 0f }, WavReader.Decode(WavWriter.Encode(loud), "x").Samples);
    }

    [Fact]
    public void Skips_list_fact_and_odd_sized_chunks_with_pad_bytes()
    {
        var plain = WavWriter.Encode(Signals.Tone(440, 0.01, 8000));
        var fmtEnd = 12 + 8 + 16;
        var extra = WavBytes.Chunk("LIST", "INFOISFTabc"u8.ToArray()) // 11 bytes: odd, padded
            .Concat(WavBytes.Chunk("fact", [1, 2, 3, 4])).ToArray();
        var trailing = WavBytes.Chunk("id3 ", [9, 9, 9]);
        var bytes = plain[..fmtEnd].Concat(extra).Concat(plain[fmtEnd..]).Concat(trailing).ToArray();
        WavBytes.FixRiffSize(bytes);
        var back = WavReader.Decode(bytes, "chunks.wav");
        Assert.Equal(WavReader.Decode(plain, "plain.wav").Samples, back.Samples);
    }

    [Fact]
    public void Streamed_files_with_unknown_data_size_read_to_the_end()
    {
        var plain = WavWriter.Encode(Signals.Tone(440, 0.01, 8000, channels: 2));
        var streamed = WavBytes.With(plain, 40, 0xFF, 0xFF, 0xFF, 0xFF).Concat(new byte[] { 7 }).ToArray(); // plus half a frame
        Assert.Equal(WavReader.Decode(plain, "plain.wav").Samples, WavReader.Decode(streamed, "pipe.wav").Samples);
    }

    [Fact]
    public void Silent_and_zero_length_files_are_valid()
    {
        var empty = WavReader.Decode(WavWriter.Encode(new AudioClip([], 2, 16000)), "empty.wav");
        Assert.Equal(0, empty.Frames);
        Assert.Equal(2, empty.Channels);
    }

    [Fact]
    public void Reads_files_from_disk_and_channel_views_are_planar()
    {
        using var dir = new TempDir();
        var clip = Signals.Tone(300, 0.05, channels: 2);
        WavWriter.Write(dir.File("sub/t.wav"), clip, WavEncoding.Float32);
        var back = WavReader.Read(dir.File("sub/t.wav"));
        Assert.Equal(clip.Channel(1).ToArray(), back.Channel(1).ToArray());
        Assert.Equal(new long[] { 2, clip.Frames }, back.ToTensor().shape);
    }
}
