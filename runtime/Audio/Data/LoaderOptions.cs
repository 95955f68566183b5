namespace AstDsl.Audio.Data;

/// <summary>Batching, ordering, parallelism and failure handling of a <see cref="BatchLoader"/>.</summary>
public sealed record LoaderOptions
{
    /// <summary>Clips per batch.</summary>
    public int BatchSize { get; init; } = 12;
    /// <summary>Shuffle the clip order every epoch (ignored when <see cref="SampleWeights"/> is set).</summary>
    public bool Shuffle { get; init; } = true;
    /// <summary>Drop the last batch when it is smaller than <see cref="BatchSize"/>.</summary>
    public bool DropLast { get; init; }
    /// <summary>Master seed: the order and every augmentation draw depend only on it and the epoch.</summary>
    public int Seed { get; init; }
    /// <summary>Clips decoded in parallel.</summary>
    public int Workers { get; init; } = Math.Max(1, Environment.ProcessorCount);
    /// <summary>Batches prepared ahead of the consumer.</summary>
    public int Prefetch { get; init; } = 2;
    /// <summary>What to do with unreadable clips.</summary>
    public BadFilePolicy BadFiles { get; init; } = BadFilePolicy.Fail;
    /// <summary>
    /// Per-clip weights for sampling with replacement (the official WeightedRandomSampler over a weights file);
    /// null for a plain (shuffled) pass over every clip.
    /// </summary>
    public IReadOnlyList<double>? SampleWeights { get; init; }
    /// <summary>Clips drawn per epoch with weighted sampling; null means the dataset size, as the official recipe.</summary>
    public int? SamplesPerEpoch { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate(int datasetSize)
    {
        if (BatchSize < 1) throw new ArgumentException($"train.batch must be at least 1, got {BatchSize}");
        if (Workers < 1) throw new ArgumentException($"data.workers must be at least 1 loader thread, got {Workers}");
        if (Prefetch < 1) throw new ArgumentException($"the loader must prepare at least 1 batch ahead, got {Prefetch}");
        if (SamplesPerEpoch is < 1) throw new ArgumentException($"clips drawn per epoch must be at least 1, got {SamplesPerEpoch}");
        if (SampleWeights == null) return;
        if (SampleWeights.Count != datasetSize)
            throw new ArgumentException($"data.sample_weights: {SampleWeights.Count} weights for {datasetSize} clips; the weights file must have one line per datafile entry");
        if (SampleWeights.Any(w => !double.IsFinite(w) || w < 0) || !(SampleWeights.Sum() > 0))
            throw new ArgumentException("data.sample_weights: weights must be finite, non-negative and not all zero");
    }
}
