using System.Globalization;

namespace AstDsl.Training.Runs;

/// <summary>Append-only, timestamped log of a run; every line is flushed so a killed run keeps its log.</summary>
public sealed class RunLog : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();

    /// <summary>Opens (appending to) <paramref name="path"/>.</summary>
    public RunLog(string path) =>
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };

    /// <summary>Writes one line prefixed with the UTC time.</summary>
    public void Write(string line)
    {
        lock (_gate)
            _writer.WriteLine($"{DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} {line}");
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _writer.Dispose();
}
