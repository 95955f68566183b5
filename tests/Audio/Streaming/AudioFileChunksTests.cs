using AstDsl.Audio.Streaming;
using AstDsl.Audio.Wav;

namespace AstDsl.Audio.Tests.Streaming;

/// <summary>A file handed out in chunks holds exactly the samples the whole-file reader decodes, and is refused with its messages.</summary>
public sealed class AudioFileChunksTests : IDisposable
{
    private readonly TempDir _temp = new();

    [Fact]
    public void Chunks_of_a_stereo_wav_are_its_samples_in_order()
    {
        var path = _temp.File("long.wav");
        WavWriter.Write(path, Signals.Noise(4, 40_123, channels: 2));
        var whole = WavReader.Read(path);
        using var chunks = AudioFileChunks.Open(path);
        Assert.Equal((2, 16000, 40_123L), (chunks.Channels, chunks.SampleRate, chunks.Frames));
        var left = new List<float>();
        var right = new List<float>();
        var count = 0;
        while (chunks.Read() is { } planar)
        {
            count++;
            left.AddRange(planar.AsSpan(0, planar.Length / 2).ToArray());
            right.AddRange(planar.AsSpan(planar.Length / 2).ToArray());
        }
        Assert.Equal(3, count); // 16000 + 16000 + 8123 frames
        Assert.Equal(whole.Channel(0).ToArray(), left);
        Assert.Equal(whole.Channel(1).ToArray(), right);
    }

    [Fact]
    public void A_truncated_wav_is_refused_as_the_reader_refuses_it()
    {
        var path = _temp.File("cut.wav");
        File.WriteAllBytes(path, WavWriter.Encode(Signals.Noise(5, 1000))[..1000]);
        var expected = Assert.Throws<AudioFormatException>(() => WavReader.Read(path)).Message;
        Assert.Equal(expected, Assert.Throws<AudioFormatException>(() => AudioFileChunks.Open(path)).Message);
    }

    [Fact]
    public void A_wav_cut_short_after_it_was_opened_is_refused_with_its_name_not_read_as_silence()
    {
        var path = _temp.File("growing.wav");
        WavWriter.Write(path, Signals.Noise(6, 40_000));
        using var chunks = AudioFileChunks.Open(path);
        Assert.NotNull(chunks.Read());
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)) file.SetLength(44 + 2 * 20_000);
        // What the stream had buffered before the cut may still come out; the missing samples never do.
        var error = Assert.Throws<AudioFormatException>(() => { while (chunks.Read() is not null) { } });
        Assert.Contains("growing.wav", error.Message);
        Assert.Contains("the file became shorter while it was read", error.Message);
    }

    [Fact]
    public void A_flac_file_is_decoded_whole_and_handed_out_in_chunks()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Codecs", "Fixtures", "stereo.flac");
        var whole = Audio.Codecs.AudioFile.Read(path);
        using var chunks = AudioFileChunks.Open(path);
        var first = new List<float>();
        while (chunks.Read() is { } planar) first.AddRange(planar.AsSpan(0, planar.Length / whole.Channels).ToArray());
        Assert.Equal(whole.Channel(0).ToArray(), first);
    }

    public void Dispose() => _temp.Dispose();
}
