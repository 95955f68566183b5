using AstDsl.Audio.Wav;

namespace AstDsl.Audio.Tests.Wav;

public sealed class WavErrorTests
{
    private static readonly byte[] Valid = WavWriter.Encode(Signals.Tone(440, 0.01, 8000, channels: 2));

    public static TheoryData<string, byte[], string> Cases() => new()
    {
        { "empty", [], "the file is empty" },
        { "tiny", "RIFF"u8.ToArray(), "truncated: the file has 4 bytes" },
        { "text", "hello, this is plain text"u8.ToArray(), "not a WAV file: it starts with 'hell'" },
        { "rf64", WavBytes.With(Valid, 0, "RF64"u8.ToArray()), "'RF64' WAV files" },
        { "avi", WavBytes.With(Valid, 8, "AVI "u8.ToArray()), "not 'WAVE'" },
        { "cut data", Valid[..(Valid.Length - 10)], "truncated: the 'data' chunk declares" },
        { "cut header", Valid[..30], "truncated: the 'fmt ' chunk declares 16 bytes but only 10 follow" },
        { "no data", Valid[..36], "no 'data' chunk" },
        { "adpcm", WavBytes.With(Valid, 20, 2, 0), "format tag 0x0002 (Microsoft ADPCM) is not supported" },
        { "12-bit", WavBytes.With(Valid, 34, 12, 0), "12-bit PCM samples are not supported" },
        { "no channels", WavBytes.With(Valid, 22, 0, 0), "0 channels" },
        { "bad align", WavBytes.With(Valid, 32, 3, 0), "block align 3" },
        { "partial frame", PartialFrame(), "not a whole number of 4-byte frames" },
    };

    private static byte[] PartialFrame()
    {
        var bytes = Valid.Concat(new byte[] { 1, 2 }).ToArray();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(40), (uint)(bytes.Length - 44));
        WavBytes.FixRiffSize(bytes);
        return bytes;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_files_give_a_typed_error_naming_file_and_problem(string name, byte[] bytes, string problem)
    {
        var e = Assert.Throws<AudioFormatException>(() => WavReader.Decode(bytes, name + ".wav"));
        Assert.Contains(problem, e.Message);
        Assert.StartsWith(name + ".wav: ", e.Message);
        Assert.Equal(name + ".wav", e.FilePath);
    }

    [Fact]
    public void Missing_files_raise_an_io_error_with_the_path()
    {
        var e = Assert.ThrowsAny<IOException>(() => WavReader.Read("/nonexistent/x.wav"));
        Assert.Contains("/nonexistent/x.wav", e.Message);
    }

    [Fact]
    public void Errors_on_disk_name_the_path()
    {
        using var dir = new TempDir();
        var path = dir.Write("notes.wav", "not audio at all");
        var e = Assert.Throws<AudioFormatException>(() => WavReader.Read(path));
        Assert.StartsWith(path + ": at byte 0: not a WAV file", e.Message);
    }
}
