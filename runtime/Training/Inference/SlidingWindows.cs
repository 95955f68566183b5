namespace AstDsl.Training.Inference;

/// <summary>Where model-input-sized windows start in a longer feature sequence: half-overlapping, the last one flush with the end.</summary>
public static class SlidingWindows
{
    /// <summary>Start frames of windows of <paramref name="window"/> frames covering <paramref name="frames"/> frames.</summary>
    public static IReadOnlyList<int> Starts(int frames, int window)
    {
        if (frames <= window) return new[] { 0 };
        var hop = Math.Max(1, window / 2);
        var starts = new List<int>();
        for (var s = 0; s + window < frames; s += hop) starts.Add(s);
        starts.Add(frames - window);
        return starts;
    }
}
