using static TorchSharp.torch;

namespace AstDsl.Training.Data;

/// <summary>
/// Batches cut from in-memory tensors (N, T, F) and (N, C), reshuffled each epoch from (seed, epoch) when
/// <see cref="Shuffle"/> is set. Used for evaluation sets already in memory and for tests.
/// </summary>
public sealed class TensorBatchSource : IBatchSource
{
    private readonly Tensor _features;
    private readonly Tensor _targets;
    private readonly int _batchSize;
    private readonly int _seed;

    /// <summary>Wraps <paramref name="features"/> and <paramref name="targets"/> (not copied; keep them alive).</summary>
    public TensorBatchSource(Tensor features, Tensor targets, int batchSize, bool shuffle, int seed = 0)
    {
        if (features.shape[0] != targets.shape[0])
            throw new ArgumentException($"features have {features.shape[0]} rows but targets {targets.shape[0]}; give one target row per clip.");
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _features = features;
        _targets = targets;
        _batchSize = batchSize;
        _seed = seed;
        Shuffle = shuffle;
    }

    /// <summary>Whether each epoch visits the clips in a new random order.</summary>
    public bool Shuffle { get; }

    /// <inheritdoc />
    public int SampleCount => (int)_features.shape[0];

    /// <inheritdoc />
    public int BatchesPerEpoch => (SampleCount + _batchSize - 1) / _batchSize;

    /// <inheritdoc />
    public IEnumerable<TrainingBatch> Batches(int epoch, int skip = 0)
    {
        var order = Order(epoch);
        for (var b = skip; b < BatchesPerEpoch; b++)
        {
            var start = b * _batchSize;
            var count = Math.Min(_batchSize, SampleCount - start);
            using var index = tensor(order.AsSpan(start, count).ToArray());
            yield return new TrainingBatch(_features.index_select(0, index), _targets.index_select(0, index));
        }
    }

    private long[] Order(int epoch)
    {
        var order = Enumerable.Range(0, SampleCount).Select(i => (long)i).ToArray();
        // A private generator per epoch keeps the order independent of everything else that draws random numbers.
        if (Shuffle) new Random(unchecked(_seed * 1_000_003 + epoch)).Shuffle(order);
        return order;
    }
}
