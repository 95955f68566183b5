using AstDsl.Audio.Codecs;
using AstDsl.Audio.Wav;

namespace AstDsl.Audio.Tests.Codecs;

/// <summary>FLAC, Ogg Vorbis and MP3 decode to the samples of the WAV they were encoded from, within each codec's error.</summary>
public class CodecTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Codecs", "Fixtures", name);

    [Theory]
    [InlineData("tones.flac", "tones.wav")]        // mono, LPC up to order 12
    [InlineData("tones-fixed.flac", "tones.wav")]  // fixed predictors
    [InlineData("stereo.flac", "stereo.wav")]      // stereo decorrelation chosen per frame
    [InlineData("deep.flac", "deep.wav")]          // 24-bit samples
    [InlineData("wasted.flac", "wasted.wav")]      // wasted low bits
    public void Flac_is_bit_exact(string flac, string wav)
    {
        var expected = WavReader.Read(Fixture(wav));
        var actual = AudioFile.Read(Fixture(flac));
        Assert.Equal(AudioFile.Kind.Flac, AudioFile.Detect(File.ReadAllBytes(Fixture(flac))));
        Assert.Equal((expected.Channels, expected.SampleRate, expected.Frames), (actual.Channels, actual.SampleRate, actual.Frames));
        Assert.Equal(expected.Samples, actual.Samples);
    }

    [Fact]
    public void Vorbis_keeps_length_and_a_20_dB_SNR()
    {
        var expected = WavReader.Read(Fixture("tones.wav"));
        var actual = AudioFile.Read(Fixture("tones.ogg"));
        Assert.Equal((1, 16000, expected.Frames), (actual.Channels, actual.SampleRate, actual.Frames));
        Assert.True(Snr(expected.Samples, actual.Samples, 0) > 20, $"SNR {Snr(expected.Samples, actual.Samples, 0):F1} dB");
    }

    [Fact]
    public void Mp3_matches_after_the_encoder_delay_with_a_20_dB_SNR()
    {
        var expected = WavReader.Read(Fixture("tones.wav"));
        var actual = AudioFile.Read(Fixture("tones.mp3"));
        Assert.Equal((1, 16000), (actual.Channels, actual.SampleRate));
        // Measured for this LAME 3.100 fixture: NLayer returns as many samples as were encoded (it reads LAME's info
        // frame) but shifted by the 529-sample decoder delay, as most MP3 decoders do.
        var delay = Enumerable.Range(0, 2400).MaxBy(lag => Correlation(expected.Samples, actual.Samples, lag));
        Assert.Equal(529, delay);
        Assert.Equal(expected.Frames, actual.Frames);
        Assert.True(Snr(expected.Samples, actual.Samples, delay) > 20, $"SNR {Snr(expected.Samples, actual.Samples, delay):F1} dB at lag {delay}");
    }

    [Fact]
    public void Content_not_extension_decides_the_decoder()
    {
        using var dir = new TempDir();
        var disguised = dir.File("really-flac.wav");
        File.Copy(Fixture("tones.flac"), disguised);
        Assert.Equal(WavReader.Read(Fixture("tones.wav")).Samples, AudioFile.Read(disguised).Samples);
    }

    [Fact]
    public void Truncated_flac_names_the_file_and_byte()
    {
        var bytes = File.ReadAllBytes(Fixture("tones.flac"));
        var cut = bytes[..(bytes.Length / 2)];
        var error = Assert.Throws<AudioFormatException>(() => AudioFile.Decode(cut, "cut.flac"));
        Assert.StartsWith("cut.flac: at byte ", error.Message);
        Assert.Contains("truncated: the file ends inside", error.Message);
    }

    [Fact]
    public void Damaged_flac_frame_fails_its_checksum()
    {
        var bytes = File.ReadAllBytes(Fixture("tones.flac"));
        bytes[bytes.Length / 2] ^= 0x5A;
        var error = Assert.Throws<AudioFormatException>(() => AudioFile.Decode(bytes, "bad.flac"));
        Assert.StartsWith("bad.flac: at byte ", error.Message);
        Assert.Contains("damaged", error.Message);
    }

    [Fact]
    public void Huge_declared_metadata_block_is_an_error_not_an_allocation()
    {
        byte[] bytes = [(byte)'f', (byte)'L', (byte)'a', (byte)'C', 0x80, 0xFF, 0xFF, 0xFF, 0, 0, 0];
        var error = Assert.Throws<AudioFormatException>(() => AudioFile.Decode(bytes, "huge.flac"));
        Assert.Equal("huge.flac: at byte 8: truncated: metadata block 0 declares 16777215 bytes but only 3 follow. " +
                     "The file is damaged; re-encode it or convert it with `flac -d`.", error.Message);
    }

    [Fact]
    public void Opus_in_ogg_is_named()
    {
        var page = new byte[27 + 1 + 19];
        "OggS"u8.CopyTo(page);
        page[26] = 1;
        page[27] = 19;
        "OpusHead"u8.CopyTo(page.AsSpan(28));
        var error = Assert.Throws<AudioFormatException>(() => AudioFile.Decode(page, "voice.ogg"));
        Assert.StartsWith("voice.ogg: at byte 28: the Ogg file carries Opus, not Vorbis", error.Message);
    }

    [Fact]
    public void Damaged_mp3_is_named()
    {
        var bytes = File.ReadAllBytes(Fixture("tones.mp3"))[..200];
        var error = Record.Exception(() => AudioFile.Decode(bytes, "cut.mp3"));
        // NLayer decodes what it can: a cut file yields either fewer samples or a named error, never a crash.
        if (error is not null) Assert.StartsWith("cut.mp3: ", Assert.IsType<AudioFormatException>(error).Message);
    }

    private static double Correlation(float[] reference, float[] decoded, int lag)
    {
        double sum = 0;
        for (var i = 0; i < reference.Length && i + lag < decoded.Length; i++) sum += reference[i] * decoded[i + lag];
        return sum;
    }

    private static double Snr(float[] reference, float[] decoded, int lag)
    {
        double signal = 0, noise = 0;
        for (var i = 0; i < reference.Length && i + lag < decoded.Length; i++)
        {
            signal += reference[i] * (double)reference[i];
            var e = reference[i] - (double)decoded[i + lag];
            noise += e * e;
        }
        return 10 * Math.Log10(signal / noise);
    }
}
