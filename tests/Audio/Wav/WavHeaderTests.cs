using AstDsl.Audio.Wav;

namespace AstDsl.Audio.Tests.Wav;

/// <summary>The rate survey reads WAV headers with the one WAV parser: what it decodes has a rate, anything else has none.</summary>
public sealed class WavHeaderTests
{
    [Fact]
    public void Rate_comes_from_the_fmt_chunk_after_an_odd_sized_chunk()
    {
        using var dir = new TempDir();
        var plain = WavWriter.Encode(Signals.Tone(440, 0.01, 22050));
        var bytes = plain[..12].Concat(WavBytes.Chunk("LIST", "INFOISFTabc"u8.ToArray())).Concat(plain[12..]).ToArray();
        WavBytes.FixRiffSize(bytes);
        File.WriteAllBytes(dir.File("odd.wav"), bytes);
        Assert.Equal(22050, WavHeader.SampleRate(dir.File("odd.wav")));
    }

    [Fact]
    public void Missing_text_and_cut_files_have_no_rate()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("text.wav"), "hello, this is plain text");
        File.WriteAllBytes(dir.File("cut.wav"), WavWriter.Encode(Signals.Tone(440, 0.01))[..30]);
        Assert.Null(WavHeader.SampleRate(dir.File("text.wav")));
        Assert.Null(WavHeader.SampleRate(dir.File("cut.wav")));
        Assert.Null(WavHeader.SampleRate(dir.File("missing.wav")));
    }
}
