namespace AstDsl.Bench.Timing;

/// <summary>The machine's load when a benchmark ran: numbers taken on a busy machine should say so.</summary>
public static class MachineLoad
{
    /// <summary>The 1-minute load average on Linux (NaN elsewhere).</summary>
    public static double OneMinute()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path)) return double.NaN;
        var first = File.ReadAllText(path).Split(' ')[0];
        return double.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
    }
}
