using System.Globalization;

namespace AstDsl.Cli.Console;

/// <summary>
/// Where an unexpected failure's stack trace goes instead of the terminal: the run's log when a run exists, otherwise
/// a new file in <c>~/.astc/logs</c> (or the temp folder when the home folder cannot be written).
/// </summary>
public static class CrashLog
{
    /// <summary>Appends <paramref name="error"/> with its stack trace to a log; returns the log's path, or null when no log could be written.</summary>
    public static string? Write(Exception error, string? runLog = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC astc {string.Join(' ', Environment.GetCommandLineArgs().Skip(1))}{Environment.NewLine}{error}{Environment.NewLine}");
        foreach (var path in Candidates(runLog))
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.AppendAllText(path, text);
                return path;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Try the next place: a crash report must not fail because one folder is read-only or full.
            }
        }
        return null;
    }

    private static IEnumerable<string> Candidates(string? runLog)
    {
        if (runLog is not null) yield return runLog;
        var name = string.Create(CultureInfo.InvariantCulture, $"astc-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (!string.IsNullOrEmpty(home)) yield return Path.Combine(home, ".astc", "logs", name);
        yield return Path.Combine(Path.GetTempPath(), "astc-logs", name);
    }
}
