using AstDsl.Training.Checkpoints;
using AstDsl.Training.Errors;
using AstDsl.Training.Progress;
using AstDsl.Training.Runs;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AstDsl.Training.Loop;

/// <summary>Puts a resumed run back where it stopped: weights, optimiser, RNG, progress and ensemble sum from last.astckpt.</summary>
internal static class RunRestorer
{
    public static (TrainingProgress Progress, float[]? EnsembleSum) Restore(RunDirectory run, nn.Module model,
        OptimizerHelper optimizer, RunLog log, IProgressReporter reporter)
    {
        if (!File.Exists(run.LastCheckpoint))
            throw new RunDirectoryException(run.Path, "has no checkpoints/last.astckpt to resume from; start a new run instead.");
        var checkpoint = LoadLast(run);
        if (!checkpoint.IsResumable)
            throw new RunDirectoryException(run.Path, $"{run.LastCheckpoint} holds no training state (optimiser, progress). {NoExactResume}");
        checkpoint.RestoreModel(model);
        checkpoint.RestoreOptimizer(optimizer);
        checkpoint.RestoreRng();
        var progress = checkpoint.Progress!;
        var message = $"resumed from {run.LastCheckpoint}: {progress.CompletedEpochs} epochs done, step {progress.GlobalStep}";
        log.Write(message);
        reporter.Message(message);
        return (progress, checkpoint.EnsembleSum());
    }

    // Epoch checkpoints hold weights only (the optimiser moments would triple their size), so they cannot continue a run
    // exactly; say what still works instead of advice that cannot be followed.
    private const string NoExactResume =
        "The run cannot continue exactly without it: epoch-N.astckpt and best.astckpt hold weights only, not the optimiser " +
        "and schedule state. They still work with `astc eval` and `astc infer`; to train again, start a new run with `astc run SPEC`.";

    private static LoadedCheckpoint LoadLast(RunDirectory run)
    {
        try
        {
            return TrainingCheckpoint.Load(run.LastCheckpoint);
        }
        catch (CorruptCheckpointException e)
        {
            throw new RunDirectoryException(run.Path, $"its resumable checkpoint {run.LastCheckpoint} is damaged ({e.Problem}). {NoExactResume}");
        }
    }
}
