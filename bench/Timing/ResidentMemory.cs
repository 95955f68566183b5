using System.Globalization;

namespace AstDsl.Bench.Timing;

/// <summary>Resident memory of this process from Linux's /proc/self/status.</summary>
public static class ResidentMemory
{
    /// <summary>A field in MB: VmRSS (now) or VmHWM (peak since the process started); NaN where /proc is missing.</summary>
    public static double Megabytes(string field)
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path)) return double.NaN;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
