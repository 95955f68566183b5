namespace AstDsl.TestSupport;

/// <summary>
/// Runs code while another task allocates and forces gen-0 collections, so that a TorchSharp Scalar finalized during
/// a native call (the hazard the runtime guards against) shows up as a failure instead of a rare crash.
/// </summary>
public static class GcPressure
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Calls <paramref name="iteration"/> with 0, 1, ... up to <paramref name="iterations"/> times under constant
    /// collections, stopping early after 20 s: each forced collection suspends the caller, and on a busy 2-core
    /// machine the count alone can stretch a test to minutes. The collector always stops afterwards.
    /// </summary>
    public static async Task WhileCollecting(int iterations, Action<int> iteration)
    {
        using var stop = new CancellationTokenSource();
        var collector = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.KeepAlive(new float[50_000]);
                GC.Collect(0);
            }
        });
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < iterations && clock.Elapsed < Budget; i++) iteration(i);
        }
        finally
        {
            stop.Cancel();
            await collector;
        }
    }
}
