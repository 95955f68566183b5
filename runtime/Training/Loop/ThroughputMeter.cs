using System.Diagnostics;

namespace AstDsl.Training.Loop;

/// <summary>Clips per second and time left, measured since this process started training (a resumed run does not count the old process).</summary>
internal sealed class ThroughputMeter
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _clips;
    private long _batches;

    public void Add(int clips)
    {
        _clips += clips;
        _batches++;
    }

    public double ClipsPerSecond => _clips / Math.Max(_clock.Elapsed.TotalSeconds, 1e-9);

    public TimeSpan Remaining(long batchesLeft) =>
        _batches == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(_clock.Elapsed.TotalSeconds / _batches * batchesLeft);
}
