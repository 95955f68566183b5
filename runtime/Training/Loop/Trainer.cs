using System.Diagnostics;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Errors;
using AstDsl.Training.Evaluation;
using AstDsl.Training.Optimization;
using AstDsl.Training.Progress;
using AstDsl.Training.Reports;
using AstDsl.Training.Runs;
using AstDsl.Training.Schedules;
using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Training.Loop;

/// <summary>
/// Trains one run as the official traintest.py does: per epoch a training pass, evaluation on the eval set, the
/// per-epoch schedule step and the best-checkpoint update; then weight averaging and the final report. Every
/// epoch leaves a resumable checkpoint, so a killed or interrupted run continues to the same numbers.
/// </summary>
public static class Trainer
{
    /// <summary>Runs (or resumes) the training described by <paramref name="setup"/>.</summary>
    /// <exception cref="NonFiniteLossException">The loss became NaN or infinite.</exception>
    /// <exception cref="TrainingInterruptedException">Cancelled; a resumable checkpoint was saved.</exception>
    public static RunResult Train(TrainerSetup setup, IProgressReporter reporter, CancellationToken cancel = default)
    {
        var definition = setup.Definition;
        var settings = definition.Train;
        var mainMetric = MetricSet.Main(definition.Evaluation);
        var metricNames = definition.Evaluation.Metrics;
        var device = setup.Device ?? CPU;
        var run = setup.Run;
        using var log = new RunLog(run.LogFile);

        Determinism.Seed(settings.Seed);
        using var model = setup.CreateModel();
        model.to(device);
        using var optimizer = OptimizerFactory.Create(settings.Optimizer, model.parameters());
        var metadata = new ModelMetadata
        {
            Experiment = definition.Name, Model = model.Options, Features = definition.Features,
            Labels = setup.Labels, Loss = settings.Loss,
        };
        var (progress, ensembleSum) = setup.Resume ? Restore(run, model, optimizer, log, reporter) : (Fresh(settings), null);
        var context = new TrainingContext
        {
            Model = model, Optimizer = optimizer, Settings = settings, Device = device, Run = run, Log = log,
            Reporter = reporter, Metadata = metadata, Train = setup.Train,
            Epochs = setup.EpochsOverride ?? settings.Epochs,
            Schedule = new LearningRateSchedule(settings.Schedule, settings.Optimizer.LearningRate, progress.Schedule),
            GlobalStep = progress.GlobalStep,
            LastGoodCheckpoint = setup.Resume ? run.LastCheckpoint : null,
        };
        CheckCheckpointRetention(settings, context.Epochs);
        log.Write($"{(setup.Resume ? "resuming" : "starting")} {definition.Name}: {context.Epochs} epochs, {setup.Train.SampleCount} training clips, {setup.Eval.SampleCount} evaluation clips, seed {settings.Seed}, device {device}");

        Predictions? bestPredictions = null;
        var warnings = new List<string>();
        for (var epoch = progress.CompletedEpochs + 1; epoch <= context.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            EpochOutcome outcome;
            try
            {
                outcome = EpochTrainer.Run(context, epoch, progress.BatchesDoneInEpoch, progress.EpochLossSum, cancel);
            }
            catch (NonFiniteLossException e)
            {
                log.Write(e.Message);
                throw;
            }
            if (outcome.Interrupted) throw Interrupt(context, progress, epoch, outcome, ensembleSum);

            var (predictions, evalLoss) = Predictor.Predict(model, setup.Eval, settings.Loss, device);
            var report = predictions.Metrics();
            foreach (var warning in report.Warnings.Where(w => !warnings.Contains(w)))
            {
                warnings.Add(warning);
                log.Write("warning: " + warning);
            }
            var metrics = MetricSet.From(report, metricNames);
            IReadOnlyDictionary<string, double>? ensembleMetrics = null;
            if (definition.Evaluation.Ensemble)
            {
                ensembleSum = Accumulate(ensembleSum, predictions.Scores);
                var mean = predictions with { Scores = ensembleSum.Select(s => s / epoch).ToArray() };
                ensembleMetrics = MetricSet.From(mean.Metrics(), metricNames);
            }
            var record = new EpochRecord
            {
                Epoch = epoch, TrainLoss = outcome.MeanLoss, EvalLoss = evalLoss, LearningRate = context.Schedule.LearningRate,
                GlobalStep = context.GlobalStep, Metrics = metrics, EnsembleMetrics = ensembleMetrics, Seconds = clock.Elapsed.TotalSeconds,
            };

            KeepEpochCheckpoint(run, settings, epoch, model, metadata);
            var isBest = metrics[mainMetric] > progress.BestMetric || progress.BestEpoch == 0;
            if (isBest)
            {
                TrainingCheckpoint.SaveWeights(run.BestCheckpoint, model, metadata);
                bestPredictions = predictions;
            }
            context.Schedule.AfterEpoch(epoch, metrics[mainMetric]);
            context.Schedule.ApplyTo(optimizer);
            progress = progress with
            {
                CompletedEpochs = epoch, GlobalStep = context.GlobalStep, BatchesDoneInEpoch = 0, EpochLossSum = 0,
                Schedule = context.Schedule.State,
                BestEpoch = isBest ? epoch : progress.BestEpoch, BestMetric = isBest ? metrics[mainMetric] : progress.BestMetric,
                History = progress.History.Append(record).ToArray(),
            };
            TrainingCheckpoint.SaveResumable(run.LastCheckpoint, model, metadata, progress, optimizer, ensembleSum);
            context.LastGoodCheckpoint = run.LastCheckpoint;
            MetricsHistoryWriter.Write(run, progress.History);
            CurvePlots.Write(run, progress.History, mainMetric);
            log.Write(EpochSummary.Describe(record, mainMetric));
            reporter.EpochFinished(record, mainMetric);
            if (cancel.IsCancellationRequested && epoch < context.Epochs)
                throw new TrainingInterruptedException(run.Path, run.LastCheckpoint, epoch, context.GlobalStep);
        }

        var averaged = AverageWeights(setup, run, metadata, log);
        if (settings.Loss == LossKind.Ce && progress.BestEpoch > 0)
            ConfusionMatrixPlot.Write(run.PlotFile("confusion"), bestPredictions ?? BestPredictions(run, setup, device),
                metadata.Labels, $"{definition.Name}, best epoch {progress.BestEpoch}");
        var result = new RunResult
        {
            RunDirectory = run.Path, MainMetric = mainMetric, History = progress.History, BestEpoch = progress.BestEpoch,
            BestMetric = progress.BestMetric, BestCheckpoint = run.BestCheckpoint,
            FinalMetrics = progress.History.Count > 0 ? progress.History[^1].Metrics : new Dictionary<string, double>(),
            EnsembleMetrics = progress.History.Count > 0 ? progress.History[^1].EnsembleMetrics : null,
            AveragedMetrics = averaged, Warnings = warnings,
        };
        RunReport.Write(run, definition, result);
        log.Write($"finished: best {mainMetric} {progress.BestMetric:F4} at epoch {progress.BestEpoch}; report {run.ReportFile}");
        return result;
    }

    private static TrainingProgress Fresh(TrainSettings settings) => new()
    {
        Schedule = new LearningRateSchedule(settings.Schedule, settings.Optimizer.LearningRate).State,
    };

    private static (TrainingProgress, float[]?) Restore(RunDirectory run, nn.Module model,
        TorchSharp.Modules.OptimizerHelper optimizer, RunLog log, IProgressReporter reporter)
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

    private static TrainingInterruptedException Interrupt(TrainingContext context, TrainingProgress progress, int epoch,
        EpochOutcome outcome, float[]? ensembleSum)
    {
        var state = progress with
        {
            GlobalStep = context.GlobalStep, BatchesDoneInEpoch = outcome.BatchesDone, EpochLossSum = outcome.LossSum,
            Schedule = context.Schedule.State,
        };
        TrainingCheckpoint.SaveResumable(context.Run.LastCheckpoint, context.Model, context.Metadata, state, context.Optimizer, ensembleSum);
        var error = new TrainingInterruptedException(context.Run.Path, context.Run.LastCheckpoint, epoch, context.GlobalStep);
        context.Log.Write(error.Message);
        context.Reporter.Message(error.Message);
        return error;
    }

    private static float[] Accumulate(float[]? sum, float[] scores)
    {
        if (sum is null) return (float[])scores.Clone();
        for (var i = 0; i < sum.Length; i++) sum[i] += scores[i];
        return sum;
    }

    // The checker applies the same rules to the spec; here they also cover --epochs, before any epoch is spent.
    private static void CheckCheckpointRetention(TrainSettings settings, int epochs)
    {
        if (CheckpointRetention.WeightAveragingProblem(settings, epochs) is { } averaging)
            throw new TrainingConfigurationException("train.wa", averaging);
        if (CheckpointRetention.RetentionProblem(settings) is { } retention)
            throw new TrainingConfigurationException("train.keep_checkpoints", retention);
    }

    // Keeps the train.keep_checkpoints most recent epoch checkpoints; best and last are written separately.
    private static void KeepEpochCheckpoint(RunDirectory run, TrainSettings settings, int epoch, nn.Module model, ModelMetadata metadata)
    {
        if (settings.KeepCheckpoints == 0) return;
        TrainingCheckpoint.SaveWeights(run.EpochCheckpoint(epoch), model, metadata);
        if (CheckpointRetention.Expired(settings, epoch) is { } expired) File.Delete(run.EpochCheckpoint(expired));
    }

    private static IReadOnlyDictionary<string, double>? AverageWeights(TrainerSetup setup, RunDirectory run, ModelMetadata metadata, RunLog log)
    {
        if (setup.Definition.Train.WeightAveraging is not { } range) return null;
        var last = range.End;
        var paths = Enumerable.Range(range.Start, last - range.Start + 1).Select(run.EpochCheckpoint).ToArray();
        var weights = WeightAveraging.Average(paths);
        try
        {
            using var model = new Model.AstModel(metadata.Model);
            using (no_grad()) model.load_state_dict(weights);
            TrainingCheckpoint.SaveWeights(run.AveragedCheckpoint, model, metadata);
            var metrics = MetricSet.From(Predictor.Predict(model, setup.Eval, metadata.Loss, setup.Device).Predictions.Metrics(), setup.Definition.Evaluation.Metrics);
            log.Write($"weight averaging of epochs {range.Start}..{last}: " + string.Join(", ", metrics.Select(kv => FormattableString.Invariant($"{kv.Key} {kv.Value:F4}"))));
            return metrics;
        }
        finally
        {
            foreach (var t in weights.Values) t.Dispose();
        }
    }

    // After a resume the best epoch may predate this process; its predictions are recomputed from its weights.
    private static Predictions BestPredictions(RunDirectory run, TrainerSetup setup, Device device)
    {
        using var model = TrainingCheckpoint.Load(run.BestCheckpoint).CreateModel();
        model.to(device);
        return Predictor.Predict(model, setup.Eval, setup.Definition.Train.Loss, device).Predictions;
    }
}
