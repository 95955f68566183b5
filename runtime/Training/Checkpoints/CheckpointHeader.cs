using AstDsl.Training.Loop;

namespace AstDsl.Training.Checkpoints;

/// <summary>Named binary block of a checkpoint file and its length in bytes.</summary>
/// <param name="Name">Section name (model, optimizer, rng, ensemble).</param>
/// <param name="Length">Length in bytes.</param>
public sealed record CheckpointSection(string Name, long Length);

/// <summary>The JSON header of a checkpoint file.</summary>
public sealed record CheckpointHeader
{
    /// <summary>Layout version of the file.</summary>
    public int FormatVersion { get; init; } = CheckpointFile.FormatVersion;
    /// <summary>How to rebuild and use the model.</summary>
    public required ModelMetadata Metadata { get; init; }
    /// <summary>Where training stood; null for weights-only checkpoints (per-epoch, best, averaged).</summary>
    public TrainingProgress? Progress { get; init; }
    /// <summary>Binary sections in file order.</summary>
    public IReadOnlyList<CheckpointSection> Sections { get; init; } = Array.Empty<CheckpointSection>();
}
