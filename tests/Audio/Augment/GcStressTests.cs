using AstDsl.Audio.Augment;
using AstDsl.Audio.Tests.Data;
using static TorchSharp.torch;

namespace AstDsl.Audio.Tests.Augment;

/// <summary>
/// The clip pipeline passes no Scalar that a garbage collection could finalize while libtorch reads it: an implicit
/// numeric -> Scalar temporary is unreachable during its native call, and collections triggered by other threads (the
/// prefetching loader's workers) then free it mid-call ("Expected false to be true ... toDouble").
/// </summary>
public sealed class GcStressTests : IDisposable
{
    private const int Items = 1500;

    private readonly TinyDataset _files = new(targetLength: 40);

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Augmented_items_survive_collections_on_another_thread()
    {
        var dataset = _files.Dataset(new AugmentOptions
        {
            MixupProbability = 0.5, FrequencyMask = 30, TimeMask = 10, Noise = true, LabelSmoothing = 0.1,
        });
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
            // Bounded by time too: each forced collection suspends this thread, and on a busy 2-core machine the
            // item count alone can stretch the test to minutes.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < Items && clock.Elapsed < TimeSpan.FromSeconds(20); i++)
            {
                using var scope = NewDisposeScope();
                var (features, target) = dataset.Get(i % dataset.Count, seed: i);
                Assert.True(features.isfinite().all().item<bool>(), $"non-finite features at item {i}");
                Assert.True(target.isfinite().all().item<bool>(), $"non-finite target at item {i}");
            }
        }
        finally
        {
            stop.Cancel();
            await collector;
        }
    }
}
