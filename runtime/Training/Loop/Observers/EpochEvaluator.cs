using System.Diagnostics;
using AstDsl.Training.Evaluation;
using AstDsl.Training.Runs;

namespace AstDsl.Training.Loop.Observers;

/// <summary>
/// Evaluates the weights after a training pass: the epoch's metrics, the checkpoint ensemble (mean prediction of epochs
/// 1..this) when enabled, and metric warnings, each logged once per run. Only the metrics of <c>evaluation.metrics</c> are kept.
/// </summary>
internal sealed class EpochEvaluator(TrainerSetup setup, RunLog log) : IEpochEvaluator
{
    private readonly List<string> _warnings = new();

    /// <summary>Distinct metric warnings seen so far (classes excluded from the means).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>The record of <paramref name="epoch"/>, its predictions and the updated ensemble sum.</summary>
    public (EpochRecord Record, Predictions? Predictions, float[]? EnsembleSum) Evaluate(TrainingContext context, int epoch,
        EpochOutcome outcome, float[]? ensembleSum, Stopwatch clock)
    {
        var (predictions, evalLoss) = Predictor.Predict(context.Model, setup.Eval, context.Recipe.Loss, context.Device);
        var report = predictions.Metrics();
        foreach (var warning in report.Warnings.Where(w => !_warnings.Contains(w)))
        {
            _warnings.Add(warning);
            log.Write("warning: " + warning);
        }
        IReadOnlyDictionary<string, double>? ensembleMetrics = null;
        if (setup.Definition.Evaluation.Ensemble)
        {
            ensembleSum = Accumulate(ensembleSum, predictions.Scores);
            var mean = predictions with { Scores = ensembleSum.Select(s => s / epoch).ToArray() };
            ensembleMetrics = MetricSet.From(mean.Metrics(), setup.Definition.Evaluation.Metrics);
        }
        var record = new EpochRecord
        {
            Epoch = epoch, TrainLoss = outcome.MeanLoss, EvalLoss = evalLoss, LearningRate = context.Schedule.LearningRate,
            GlobalStep = context.GlobalStep, Metrics = MetricSet.From(report, setup.Definition.Evaluation.Metrics), EnsembleMetrics = ensembleMetrics,
            Seconds = clock.Elapsed.TotalSeconds,
        };
        return (record, predictions, ensembleSum);
    }

    private static float[] Accumulate(float[]? sum, float[] scores)
    {
        if (sum is null) return (float[])scores.Clone();
        for (var i = 0; i < sum.Length; i++) sum[i] += scores[i];
        return sum;
    }
}
