using Xunit;

namespace AstDsl.Audio.Tests.Wav;

/// <summary>Issue 8 item 5: every whole-file read is bounded; devices, folders and oversized files get a clear error, not an out-of-memory.</summary>
public sealed class InputFileTests
{
    private static Exception Fail(string problem) => new InvalidDataException(problem);

    [Fact]
    public void A_device_that_reads_forever_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => InputFile.ReadAllBytes("/dev/zero", InputFile.OneGiB, Fail));
        Assert.Equal("it is not a regular file (a device, pipe or socket, or a file still being written)", error.Message);
    }

    [Fact]
    public void A_file_above_the_bound_is_refused_before_reading()
    {
        using var temp = new TempDir();
        var path = temp.Write("big.wav", new string('x', 3 << 20));
        var error = Assert.Throws<InvalidDataException>(() => InputFile.ReadAllBytes(path, 1 << 20, Fail));
        Assert.Equal("it has 3 MiB, more than the 1 MiB this command reads", error.Message);
    }

    [Fact]
    public void A_folder_is_named_as_a_folder()
    {
        using var temp = new TempDir();
        var error = Assert.Throws<AudioFormatException>(() => AstDsl.Audio.Wav.WavReader.Read(temp.Path));
        Assert.Equal($"{temp.Path}: it is a folder, not a file. Pass a regular audio file of at most 1 GiB; split longer recordings, " +
                     "e.g. `sox in.wav part.wav trim 0 3600 : newfile : restart`.", error.Message);
    }

    [Fact]
    public void A_regular_file_is_read_whole()
    {
        using var temp = new TempDir();
        var path = temp.Write("small.txt", "hello");
        Assert.Equal("hello"u8.ToArray(), InputFile.ReadAllBytes(path, 5, Fail));
    }
}
