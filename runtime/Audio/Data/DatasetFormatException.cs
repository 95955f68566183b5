namespace AstDsl.Audio.Data;

/// <summary>A malformed dataset file (datafile JSON, label CSV, weights file, split list): names the file, the line and the fix.</summary>
public sealed class DatasetFormatException : Exception
{
    /// <summary>Creates the error; <paramref name="line"/> is 1-based, or 0 when it concerns the whole file.</summary>
    public DatasetFormatException(string path, int line, string problem, string fix, Exception? inner = null)
        : base(line > 0 ? $"{path}:{line}: {problem}. {fix}" : $"{path}: {problem}. {fix}", inner)
    {
        FilePath = path;
        Line = line;
    }

    /// <summary>The offending file.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number, or 0 when the problem concerns the whole file.</summary>
    public int Line { get; }
}
