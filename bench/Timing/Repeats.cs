using System.Diagnostics;

namespace AstDsl.Bench.Timing;

/// <summary>Wall-clock timing of a repeated action: warm-up runs discarded, then every repeat kept.</summary>
public static class Repeats
{
    /// <summary>One measured run: wall-clock seconds, and CPU seconds of the whole process (robust on a shared machine).</summary>
    public readonly record struct Sample(double WallSeconds, double CpuSeconds);

    /// <summary>Wall-clock seconds of each measured run, in run order.</summary>
    public static double[] Time(Action action, int warmup, int repeats) =>
        Measure(action, warmup, repeats).Select(s => s.WallSeconds).ToArray();

    /// <summary>Wall-clock and CPU time of each measured run, in run order.</summary>
    public static Sample[] Measure(Action action, int warmup, int repeats)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (repeats < 1) throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "at least one repeat is needed");
        for (var i = 0; i < warmup; i++) action();
        using var process = Process.GetCurrentProcess();
        var samples = new Sample[repeats];
        for (var i = 0; i < repeats; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            action();
            var wall = clock.Elapsed.TotalSeconds;
            process.Refresh();
            samples[i] = new Sample(wall, (process.TotalProcessorTime - cpu).TotalSeconds);
        }
        return samples;
    }

    /// <summary>The median of a sample (mean of the two middle values for even counts).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
