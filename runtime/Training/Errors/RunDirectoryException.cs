namespace AstDsl.Training.Errors;

/// <summary>A run directory that cannot be created or resumed.</summary>
public sealed class RunDirectoryException : TrainingException
{
    /// <summary>Creates the error for <paramref name="directory"/>.</summary>
    public RunDirectoryException(string directory, string problem) : base($"run directory {directory}: {problem}")
        => Directory = directory;

    /// <summary>The run directory.</summary>
    public string Directory { get; }
}
