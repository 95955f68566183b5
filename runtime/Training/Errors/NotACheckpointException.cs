using AstDsl.Training.Checkpoints;

namespace AstDsl.Training.Errors;

/// <summary>A file given as a checkpoint that is not an AstDsl checkpoint (a PyTorch .pth, a safetensors file, other bytes): nothing is wrong with the file itself.</summary>
public sealed class NotACheckpointException : TrainingException
{
    /// <summary>Creates the error for <paramref name="path"/>, which looks like <paramref name="kind"/>.</summary>
    public NotACheckpointException(string path, CheckpointFileKind kind)
        : base($"{path} is not an AstDsl checkpoint: it is {kind.Description}. {kind.Advice(path)}")
    {
        FilePath = path;
        Kind = kind;
    }

    /// <summary>Creates the error for <paramref name="path"/>, which cannot be used: <paramref name="problem"/> (a folder, a device, too large, another format version).</summary>
    public NotACheckpointException(string path, string problem)
        : base($"{path} cannot be used as an AstDsl checkpoint: {problem}. {CheckpointFileKind.AstDslCheckpoints}")
        => FilePath = path;

    /// <summary>The file.</summary>
    public string FilePath { get; }

    /// <summary>What it looks like, when it could be read.</summary>
    public CheckpointFileKind? Kind { get; }
}
