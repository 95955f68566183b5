namespace AstDsl.Training.Data;

/// <summary>
/// A dataset seen as batches. The batches of an epoch must depend only on the epoch number (and the source's own
/// seed), so that a resumed run sees exactly the batches the interrupted one would have seen.
/// </summary>
public interface IBatchSource
{
    /// <summary>Clips per epoch.</summary>
    int SampleCount { get; }

    /// <summary>Batches per epoch.</summary>
    int BatchesPerEpoch { get; }

    /// <summary>The batches of <paramref name="epoch"/> (1-based), starting after the first <paramref name="skip"/>; the caller disposes each.</summary>
    IEnumerable<TrainingBatch> Batches(int epoch, int skip = 0);
}
