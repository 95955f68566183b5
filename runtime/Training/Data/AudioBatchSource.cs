using AstDsl.Audio.Data;

namespace AstDsl.Training.Data;

/// <summary>The audio loader seen as a batch source: batches keep the loader's (seed, epoch) determinism.</summary>
public sealed class AudioBatchSource : IBatchSource
{
    private readonly BatchLoader _loader;

    /// <summary>Wraps <paramref name="loader"/>.</summary>
    public AudioBatchSource(BatchLoader loader) => _loader = loader;

    /// <inheritdoc />
    public int SampleCount => _loader.SamplesPerEpoch;

    /// <inheritdoc />
    public int BatchesPerEpoch => _loader.BatchesPerEpoch;

    /// <summary>Clips left out so far because they could not be read (bad-file policy Skip).</summary>
    public IReadOnlyCollection<SkippedClip> Skipped => _loader.Skipped;

    /// <inheritdoc />
    /// <remarks>Skipped batches are still decoded (the loader cannot start mid-epoch); this only costs time on a mid-epoch resume.</remarks>
    public IEnumerable<TrainingBatch> Batches(int epoch, int skip = 0)
    {
        foreach (var batch in _loader.Epoch(epoch))
        {
            if (batch.Number < skip)
            {
                batch.Dispose();
                continue;
            }
            yield return new TrainingBatch(batch.Features, batch.Targets);
        }
    }
}
