namespace AstDsl.Audio;

/// <summary>
/// A file that is not audio we can read: names the file, the byte position where reading failed and what to do about it.
/// </summary>
public sealed class AudioFormatException : Exception
{
    /// <summary>Creates the error; <paramref name="position"/> is the byte offset in the file, or -1 when not meaningful.</summary>
    public AudioFormatException(string path, long position, string problem, string fix)
        : base(Compose(path, position, problem, fix))
    {
        FilePath = path;
        Position = position;
        Problem = problem;
    }

    /// <summary>The offending file.</summary>
    public string FilePath { get; }

    /// <summary>Byte offset where the problem was detected (-1 when it concerns the whole file).</summary>
    public long Position { get; }

    /// <summary>What is wrong, without the file name and the fix.</summary>
    public string Problem { get; }

    private static string Compose(string path, long position, string problem, string fix) =>
        position >= 0
            ? $"{path}: at byte {position}: {problem}. {fix}"
            : $"{path}: {problem}. {fix}";
}
