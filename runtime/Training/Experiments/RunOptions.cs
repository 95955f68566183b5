namespace AstDsl.Training.Experiments;

/// <summary>How to run an experiment on this machine (not part of the spec).</summary>
public sealed record RunOptions
{
    /// <summary>auto, cpu, cuda or cuda:N.</summary>
    public string Device { get; init; } = "auto";
    /// <summary>CPU threads for torch; null keeps the library default.</summary>
    public int? Threads { get; init; }
    /// <summary>Folder under which a new run directory is created.</summary>
    public string RunsRoot { get; init; } = "runs";
    /// <summary>An existing run directory to continue.</summary>
    public string? ResumeFrom { get; init; }
    /// <summary>Resume even though the spec differs from the run's spec.yaml (the differences are reported).</summary>
    public bool AllowSpecChange { get; init; }
    /// <summary>Overrides the spec's epoch count (smoke runs); null keeps the spec's.</summary>
    public int? EpochsOverride { get; init; }
}
