using AstDsl.Audio.Streaming;

namespace AstDsl.Training.Inference;

/// <summary>Where model-input-sized windows start in a longer feature sequence (see <see cref="WindowSchedule"/>).</summary>
public static class SlidingWindows
{
    /// <summary>Start frames of windows of <paramref name="window"/> frames covering <paramref name="frames"/> frames, every <paramref name="hop"/> frames (default: half a window), the last one flush with the end.</summary>
    public static IReadOnlyList<int> Starts(int frames, int window, int? hop = null) =>
        (hop is { } h ? new WindowSchedule(window, h) : WindowSchedule.HalfOverlap(window)).Starts(frames);
}
