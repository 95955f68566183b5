namespace AstDsl.Network.Checkpoints;

/// <summary>A checkpoint that cannot be read or does not fit the model; the message names the file, key and shapes.</summary>
public sealed class CheckpointException : Exception
{
    /// <summary>Creates the error for <paramref name="path"/>.</summary>
    public CheckpointException(string path, string message, Exception? inner = null)
        : base($"{path}: {message}", inner) => FilePath = path;

    /// <summary>The checkpoint file.</summary>
    public string FilePath { get; }
}
