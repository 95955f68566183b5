namespace AstDsl.Training.Progress;

/// <summary>A snapshot of training progress after one optimiser step.</summary>
/// <param name="Epoch">Current epoch (1-based).</param>
/// <param name="Epochs">Epochs in the run.</param>
/// <param name="Batch">Batches of this epoch done.</param>
/// <param name="Batches">Batches per epoch.</param>
/// <param name="GlobalStep">Optimiser steps taken.</param>
/// <param name="Loss">Mean training loss of the epoch so far.</param>
/// <param name="LearningRate">Learning rate in force.</param>
/// <param name="ClipsPerSecond">Training throughput.</param>
/// <param name="Remaining">Estimated time to the end of training (evaluation excluded).</param>
public sealed record StepProgress(int Epoch, int Epochs, int Batch, int Batches, long GlobalStep, double Loss,
    double LearningRate, double ClipsPerSecond, TimeSpan Remaining)
{
    /// <summary>The progress as one human-readable line.</summary>
    public string Describe() =>
        FormattableString.Invariant(
            $"epoch {Epoch}/{Epochs} batch {Batch}/{Batches} step {GlobalStep} loss {Loss:F4} lr {LearningRate:G3} {ClipsPerSecond:F1} clips/s ETA {Remaining:hh\\:mm\\:ss}");
}
