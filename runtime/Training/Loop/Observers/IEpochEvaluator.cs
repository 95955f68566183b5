using System.Diagnostics;
using AstDsl.Training.Evaluation;

namespace AstDsl.Training.Loop.Observers;

/// <summary>Scores the weights after a training pass and makes the epoch's record.</summary>
internal interface IEpochEvaluator
{
    /// <summary>Distinct warnings seen so far in the run.</summary>
    IReadOnlyList<string> Warnings { get; }

    /// <summary>The record of <paramref name="epoch"/>, its predictions (when there are labels) and the updated ensemble sum.</summary>
    (EpochRecord Record, Predictions? Predictions, float[]? EnsembleSum) Evaluate(TrainingContext context, int epoch,
        EpochOutcome outcome, float[]? ensembleSum, Stopwatch clock);
}
