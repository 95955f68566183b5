namespace AstDsl.Training.Errors;

/// <summary>Training stopped on request (Ctrl-C, SIGTERM, cancellation) after saving a resumable checkpoint.</summary>
public sealed class TrainingInterruptedException : TrainingException
{
    /// <summary>Creates the notice for the run in <paramref name="runDirectory"/>.</summary>
    public TrainingInterruptedException(string runDirectory, string checkpoint, int epoch, long step)
        : base($"training interrupted in epoch {epoch} after step {step}; state saved to {checkpoint}. " +
               $"Continue with: astc run SPEC --resume {runDirectory}")
    {
        RunDirectory = runDirectory;
        Checkpoint = checkpoint;
    }

    /// <summary>The run folder to resume.</summary>
    public string RunDirectory { get; }
    /// <summary>The resumable checkpoint that was written.</summary>
    public string Checkpoint { get; }
}
