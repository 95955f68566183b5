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
    public static IReadOnlyList<string> Remove(string folder) => Remove(folder, "*");

    /// <summary>Deletes the stale temporaries in <paramref name="folder"/> whose names (before <c>.tmp-PID</c>) match <paramref name="stem"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Remove(string folder, string stem)
    {
        var stale = Find(folder, stem);
        foreach (var file in stale) File.Delete(file);
        return stale;
    }

    /// <summary>The temporaries in <paramref name="folder"/> named <paramref name="stem"/><c>.tmp-PID</c> whose writer process is gone.</summary>
    public static IReadOnlyList<string> Find(string folder, string stem)
    {
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder, stem + Suffix + "*").Where(file =>
        {
            var pid = file[(file.LastIndexOf(Suffix, StringComparison.Ordinal) + Suffix.Length)..];
            return int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && !IsAlive(id);
        }).Order(StringComparer.Ordinal).ToArray();
    }

    private const string Suffix = ".tmp-";

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
