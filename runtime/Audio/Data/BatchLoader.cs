using System.Collections.Concurrent;
using System.Threading.Channels;
using static TorchSharp.torch;

namespace AstDsl.Audio.Data;

/// <summary>
/// Turns a <see cref="ClipDataset"/> into batches: clips of a batch are decoded in parallel, batches are prepared ahead in
/// a bounded queue, and the result is deterministic: the order comes from (seed, epoch) and clip k of an epoch is
/// augmented with a seed derived from (seed, epoch, k), whatever the thread timing.
/// </summary>
public sealed class BatchLoader
{
    private readonly ConcurrentQueue<SkippedClip> _skipped = new();

    /// <summary>Creates a loader; nothing is read until an epoch is enumerated.</summary>
    public BatchLoader(ClipDataset dataset, LoaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Dataset = dataset;
        Options = options ?? new LoaderOptions();
        Options.Validate(dataset.Count);
    }

    /// <summary>The clips.</summary>
    public ClipDataset Dataset { get; }

    /// <summary>Batching settings.</summary>
    public LoaderOptions Options { get; }

    /// <summary>Clips drawn per epoch.</summary>
    public int SamplesPerEpoch => Options.SampleWeights != null ? Options.SamplesPerEpoch ?? Dataset.Count : Dataset.Count;

    /// <summary>Batches per epoch (before any skipped clips).</summary>
    public int BatchesPerEpoch => Options.DropLast
        ? SamplesPerEpoch / Options.BatchSize
        : (SamplesPerEpoch + Options.BatchSize - 1) / Options.BatchSize;

    /// <summary>Clips skipped so far under <see cref="BadFilePolicy.Skip"/>, over all epochs.</summary>
    public IReadOnlyCollection<SkippedClip> Skipped => _skipped;

    /// <summary>Number of clips skipped so far.</summary>
    public int SkippedCount => _skipped.Count;

    /// <summary>
    /// The batches of epoch <paramref name="epoch"/>, in order. The caller owns (and should dispose) each batch.
    /// Stopping the enumeration early cancels the remaining work.
    /// </summary>
    /// <exception cref="ClipLoadException">A clip is unreadable and the policy is <see cref="BadFilePolicy.Fail"/>.</exception>
    public IEnumerable<Batch> Epoch(int epoch, CancellationToken cancellation = default) => Epoch(epoch, 0, cancellation);

    /// <summary>
    /// The batches of epoch <paramref name="epoch"/> from batch number <paramref name="firstBatch"/> on, without decoding
    /// the earlier ones: a resumed epoch yields exactly the batches the uninterrupted one would have.
    /// </summary>
    /// <exception cref="ClipLoadException">A clip is unreadable and the policy is <see cref="BadFilePolicy.Fail"/>.</exception>
    public IEnumerable<Batch> Epoch(int epoch, int firstBatch, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstBatch);
        var order = EpochOrder.For(Dataset.Count, Options, epoch);
        var queue = Channel.CreateBounded<Batch>(new BoundedChannelOptions(Options.Prefetch)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var producer = Task.Run(() => Produce(order, epoch, firstBatch, queue.Writer, stop.Token), stop.Token);
        try
        {
            while (queue.Reader.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult())
                while (queue.Reader.TryRead(out var batch))
                    yield return batch;
            producer.GetAwaiter().GetResult();
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.Wait(CancellationToken.None);
            }
            catch (AggregateException) when (stop.IsCancellationRequested)
            {
                // The consumer left early or the epoch failed; its error (if any) has already surfaced.
            }
            while (queue.Reader.TryRead(out var unread)) unread.Dispose();
        }
    }

    private async Task Produce(int[] order, int epoch, int firstBatch, ChannelWriter<Batch> writer, CancellationToken cancellation)
    {
        try
        {
            var size = Options.BatchSize;
            for (var b = firstBatch; b < BatchesPerEpoch; b++)
            {
                var start = b * size;
                var count = Math.Min(size, order.Length - start);
                var batch = Assemble(order, start, count, epoch, b, cancellation);
                if (batch != null) await writer.WriteAsync(batch, cancellation).ConfigureAwait(false);
            }
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
        }
    }

    private Batch? Assemble(int[] order, int start, int count, int epoch, int number, CancellationToken cancellation)
    {
        var frameSize = Dataset.Frames * Dataset.MelBins;
        var classes = Dataset.ClassCount;
        var features = new float[count][];
        var targets = new float[count][];
        var failures = new ClipLoadException?[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Options.Workers, CancellationToken = cancellation }, i =>
        {
            var position = start + i;
            try
            {
                using var scope = NewDisposeScope();
                var (f, t) = Dataset.Get(order[position], SeedMixer.Derive(Options.Seed, epoch, position));
                features[i] = f.data<float>().ToArray();
                targets[i] = t.data<float>().ToArray();
            }
            catch (ClipLoadException e)
            {
                failures[i] = e;
            }
        });

        var kept = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            if (failures[i] is not { } failure)
            {
                kept.Add(i);
                continue;
            }
            if (Options.BadFiles == BadFilePolicy.Fail) throw failure;
            _skipped.Enqueue(new SkippedClip(epoch, order[start + i], failure.FilePath, failure.InnerException?.Message ?? failure.Message));
        }
        if (kept.Count == 0) return null;

        var featureData = new float[kept.Count * frameSize];
        var targetData = new float[kept.Count * classes];
        for (var k = 0; k < kept.Count; k++)
        {
            features[kept[k]].CopyTo(featureData, k * frameSize);
            targets[kept[k]].CopyTo(targetData, k * classes);
        }
        return new Batch(
            tensor(featureData, [kept.Count, Dataset.Frames, Dataset.MelBins]),
            tensor(targetData, [kept.Count, classes]),
            kept.Select(k => order[start + k]).ToArray(),
            number);
    }
}
