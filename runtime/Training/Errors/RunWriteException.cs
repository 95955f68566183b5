namespace AstDsl.Training.Errors;

/// <summary>
/// A file of the run (checkpoint, metrics, plot, report) could not be written, typically because the disk is full.
/// Checkpoints only take their final name once complete, so those already written stay usable.
/// </summary>
public sealed class RunWriteException : TrainingException
{
    /// <summary>Creates the error for <paramref name="path"/>; <paramref name="runDirectory"/> is the run to resume, once known.</summary>
    public RunWriteException(string path, IOException cause, string? runDirectory = null)
        : base(Describe(path, cause, runDirectory), cause)
    {
        FilePath = path;
        RunDirectory = runDirectory;
    }

    /// <summary>The file that could not be written.</summary>
    public string FilePath { get; }
    /// <summary>The run to resume (null until the runner adds it).</summary>
    public string? RunDirectory { get; }
    /// <summary>Whether the device ran out of space.</summary>
    public bool DiskFull => IsDiskFull((IOException)InnerException!);

    /// <summary>The same error, with the run folder to resume named in the advice.</summary>
    public RunWriteException ForRun(string runDirectory) => new(FilePath, (IOException)InnerException!, runDirectory);

    /// <summary>ENOSPC on Unix (.NET reports the errno as HResult); ERROR_DISK_FULL or ERROR_HANDLE_DISK_FULL on Windows.</summary>
    public static bool IsDiskFull(IOException e) => e.HResult is 28 or unchecked((int)0x80070070) or unchecked((int)0x80070027);

    private static string Describe(string path, IOException cause, string? runDirectory) =>
        $"could not write {path}: " +
        (IsDiskFull(cause) ? "the disk is full (no space left on the device). " : $"{cause.Message}. ") +
        "Checkpoints written before are intact (a checkpoint takes its name only once complete). " +
        (IsDiskFull(cause) ? "Free some space, then continue" : "Fix the cause, then continue") +
        $" with: astc run SPEC --resume {runDirectory ?? "RUN"}";
}
