using System.Globalization;

namespace AstDsl.Audio;

/// <summary>
/// Reads a whole input file with a bound on its size, so that a device such as <c>/dev/zero</c>, a pipe or an absurdly
/// large file gets a clear error instead of exhausting memory. A folder is named as such (not "access denied").
/// </summary>
public static class InputFile
{
    /// <summary>One gibibyte: the default bound (an hour of 48 kHz stereo 24-bit audio is about 1 GB).</summary>
    public const long OneGiB = 1L << 30;

    /// <summary>
    /// The bytes of <paramref name="path"/>, or the exception <paramref name="error"/> makes from a sentence saying why
    /// the file cannot be read (a folder, not a regular file, larger than <paramref name="maxBytes"/>).
    /// </summary>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static byte[] ReadAllBytes(string path, long maxBytes, Func<string, Exception> error)
    {
        using var stream = OpenBounded(path, maxBytes, error);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        if (!AtEnd(stream)) throw error!(NotRegular);
        return bytes;
    }

    /// <summary>
    /// <paramref name="path"/> opened for reading from its start after the checks of <see cref="ReadAllBytes"/>, for a
    /// reader that takes only the parts it needs.
    /// </summary>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static FileStream OpenBounded(string path, long maxBytes, Func<string, Exception> error)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(error);
        if (Directory.Exists(path)) throw error("it is a folder, not a file");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} does not exist.", path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        try
        {
            if (!stream.CanSeek) throw error(NotRegular);
            var length = stream.Length;
            if (length > maxBytes) throw error($"it has {Size(length)}, more than the {Size(maxBytes)} this command reads");
            stream.Seek(length, SeekOrigin.Begin);
            if (!AtEnd(stream)) throw error(NotRegular);
            stream.Seek(0, SeekOrigin.Begin);
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    // A regular file ends where its length says; a device (/dev/zero) reports length 0 and reads on forever.
    private static bool AtEnd(FileStream stream)
    {
        Span<byte> probe = stackalloc byte[1];
        return stream.Read(probe) == 0;
    }

    private const string NotRegular = "it is not a regular file (a device, pipe or socket, or a file still being written)";

    /// <summary>A byte count for people: "1.5 GiB", "812 bytes".</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= OneGiB => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)OneGiB:0.#} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.#} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
