namespace AstDsl.Training.Errors;

/// <summary>An AstDsl checkpoint that is proven damaged: truncated, or its checksum does not match its contents.</summary>
public sealed class CorruptCheckpointException : TrainingException
{
    /// <summary>Creates the error for <paramref name="path"/>.</summary>
    public CorruptCheckpointException(string path, string problem)
        : base($"checkpoint {path} is damaged: {problem}. It was probably cut short by a crash or a full disk; " +
               "move it aside (keep it until you no longer need it) and use another checkpoint of the run.")
    {
        FilePath = path;
        Problem = problem;
    }

    /// <summary>What is wrong with the file, without the advice.</summary>
    public string Problem { get; }

    /// <summary>The checkpoint file.</summary>
    public string FilePath { get; }
}
