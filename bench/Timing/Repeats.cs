using System.Diagnostics;

namespace AstDsl.Bench.Timing;

/// <summary>Wall-clock timing of a repeated action: warm-up runs discarded, then every repeat kept.</summary>
public static class Repeats
{
    /// <summary>Seconds of each measured run, in run order.</summary>
    public static double[] Time(Action action, int warmup, int repeats)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (repeats < 1) throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "at least one repeat is needed");
        for (var i = 0; i < warmup; i++) action();
        var seconds = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            seconds[i] = clock.Elapsed.TotalSeconds;
        }
        return seconds;
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
