using AstDsl.Training.Evaluation;

namespace AstDsl.Training.Loop.Observers;

/// <summary>What an evaluated epoch hands to the epoch-end observers.</summary>
/// <param name="Record">The epoch's losses, learning rate and metrics.</param>
/// <param name="Predictions">The epoch's evaluation predictions; null for an objective without labels.</param>
/// <param name="Progress">Where the run stands after this epoch (schedule already stepped).</param>
/// <param name="IsBest">Whether this epoch's weights are the new best on the main metric.</param>
/// <param name="EnsembleSum">Running sum of evaluation scores for the checkpoint ensemble, when enabled.</param>
internal sealed record EpochEnd(EpochRecord Record, Predictions? Predictions, TrainingProgress Progress, bool IsBest, float[]? EnsembleSum);
