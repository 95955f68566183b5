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
        var checkpoint = TrainingCheckpoint.Load(run.LastCheckpoint);
        if (!checkpoint.IsResumable)
            throw new CorruptCheckpointException(run.LastCheckpoint, "it holds no training state (optimiser, progress)");
        checkpoint.RestoreModel(model);
        checkpoint.RestoreOptimizer(optimizer);
        checkpoint.RestoreRng();
        var progress = checkpoint.Progress!;
        var message = $"resumed from {run.LastCheckpoint}: {progress.CompletedEpochs} epochs done, step {progress.GlobalStep}";
        log.Write(message);
        reporter.Message(message);
        return (progress, checkpoint.EnsembleSum());
    }
}
