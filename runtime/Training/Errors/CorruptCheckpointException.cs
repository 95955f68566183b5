namespace AstDsl.Training.Errors;

/// <summary>A training checkpoint that is truncated, altered or not a checkpoint at all.</summary>
public sealed class CorruptCheckpointException : TrainingException
{
    /// <summary>Creates the error for <paramref name="path"/>.</summary>
    public CorruptCheckpointException(string path, string problem)
        : base($"checkpoint {path} is unusable: {problem}. It was probably cut short by a crash or a full disk; " +
               "delete it and resume from an earlier checkpoint of the run (checkpoints/epoch-N.astckpt).")
    {
        FilePath = path;
        Problem = problem;
    }

    /// <summary>What is wrong with the file, without the advice.</summary>
    public string Problem { get; }

    /// <summary>The checkpoint file.</summary>
    public string FilePath { get; }
}
