using System.Globalization;

namespace AstDsl.Training.Runs;

/// <summary>Append-only, timestamped log of a run; every line is flushed so a killed run keeps its log.</summary>
public sealed class RunLog : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();
    private bool _failed;

    /// <summary>Opens (appending to) <paramref name="path"/>.</summary>
    public RunLog(string path) =>
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };

    /// <summary>Writes one line prefixed with the UTC time; once the disk is full, lines are dropped.</summary>
    /// <remarks>The log repeats what the console shows, so a full disk must not replace the error that explains it.</remarks>
    public void Write(string line)
    {
        lock (_gate)
        {
            if (_failed) return;
            try
            {
                _writer.WriteLine($"{DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} {line}");
            }
            catch (IOException)
            {
                _failed = true;
            }
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        try
        {
            _writer.Dispose();
        }
        catch (IOException)
        {
            // The buffered tail could not be flushed to a full disk; nothing more can be done for the log.
        }
    }
}
