using System.Diagnostics;
using System.Globalization;

namespace AstDsl.Training.Runs;

/// <summary>
/// Removes <c>*.tmp-PID</c> files a killed checkpoint writer left behind. Only files whose writer process is gone are
/// touched: a live PID may be another astc still writing into the same run.
/// </summary>
public static class StaleTempFiles
{
    /// <summary>Deletes stale temporaries in <paramref name="folder"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Remove(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        var removed = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.tmp-*"))
        {
            var suffix = file[(file.LastIndexOf(".tmp-", StringComparison.Ordinal) + 5)..];
            if (!int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || IsAlive(pid)) continue;
            File.Delete(file);
            removed.Add(file);
        }
        return removed;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
