namespace AstDsl.Audio.Streaming;

/// <summary>
/// Where model-input-sized windows start in a sequence of feature frames: every <see cref="Hop"/> frames while a whole
/// window fits, plus a last window flush with the end (or one padded window when the sequence is shorter than a window).
/// The same <see cref="Cursor"/> serves a complete clip (<see cref="Starts"/>) and an endless stream, so offline and
/// streaming tagging see exactly the same windows.
/// </summary>
public sealed record WindowSchedule
{
    /// <summary>A schedule of <paramref name="window"/>-frame windows every <paramref name="hop"/> frames.</summary>
    public WindowSchedule(int window, int hop)
    {
        if (window < 1) throw new ArgumentException($"window {window}: use at least 1 frame.");
        if (hop < 1) throw new ArgumentException($"hop {hop}: use at least 1 frame.");
        Window = window;
        Hop = hop;
    }

    /// <summary>Half-overlapping windows, the default of <c>astc infer</c>.</summary>
    public static WindowSchedule HalfOverlap(int window) => new(window, Math.Max(1, window / 2));

    /// <summary>Frames per window (the model input length).</summary>
    public int Window { get; }

    /// <summary>Frames between window starts.</summary>
    public int Hop { get; }

    /// <summary>Start frames of the windows covering <paramref name="frames"/> frames.</summary>
    public IReadOnlyList<int> Starts(int frames)
    {
        var cursor = new Cursor(this);
        var starts = new List<int>();
        if (cursor.Advance(frames) is { } first)
        {
            starts.Add(first);
            while (cursor.Advance(frames) is { } next) starts.Add(next);
        }
        if (cursor.Finish(frames) is { } last) starts.Add(last);
        return starts;
    }

    /// <summary>Hands out window starts as frames arrive.</summary>
    public sealed class Cursor(WindowSchedule schedule)
    {
        private int _next;
        private int? _last;

        /// <summary>The next window start that is complete once <paramref name="available"/> frames exist, or null.</summary>
        public int? Advance(long available)
        {
            if (_next + (long)schedule.Window > available) return null;
            _last = _next;
            _next += schedule.Hop;
            return _last;
        }

        /// <summary>At the end of <paramref name="frames"/> frames: the window flush with the end if frames after the last window remain, or the single padded window of a short sequence.</summary>
        public int? Finish(long frames)
        {
            if (_last is null) return frames >= schedule.Window ? (int)(frames - schedule.Window) : 0;
            return _last + schedule.Window < frames ? (int)(frames - schedule.Window) : null;
        }
    }
}
