using System.Diagnostics;
using AstDsl.Training.Data;
using AstDsl.Training.Evaluation;

namespace AstDsl.Training.Loop.Observers;

/// <summary>The epoch record of a run that optimises an <see cref="ITrainingObjective"/>: its own loss and metrics, no predictions.</summary>
internal sealed class ObjectiveEvaluator(ITrainingObjective objective, IBatchSource eval) : IEpochEvaluator
{
    public IReadOnlyList<string> Warnings { get; } = Array.Empty<string>();

    public (EpochRecord Record, Predictions? Predictions, float[]? EnsembleSum) Evaluate(TrainingContext context, int epoch,
        EpochOutcome outcome, float[]? ensembleSum, Stopwatch clock)
    {
        var scores = objective.Evaluate(context.Model, eval, context.Device);
        var record = new EpochRecord
        {
            Epoch = epoch, TrainLoss = outcome.MeanLoss, EvalLoss = scores.Loss, LearningRate = context.Schedule.LearningRate,
            GlobalStep = context.GlobalStep, Metrics = scores.Metrics, Seconds = clock.Elapsed.TotalSeconds,
        };
        return (record, null, ensembleSum);
    }
}
