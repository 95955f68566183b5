using System.Diagnostics;
using AstDsl.Network.Devices;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Errors;
using AstDsl.Training.Evaluation;
using AstDsl.Training.Experiments;
using AstDsl.Training.Loop.Observers;
using AstDsl.Training.Optimization;
using AstDsl.Training.Progress;
using AstDsl.Training.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Training.Loop;

/// <summary>
/// Trains one run as the official traintest.py does: per epoch a training pass, evaluation on the eval set, the
/// per-epoch schedule step, then the epoch-end observers (checkpoints, metrics files and curves, display); after the
/// last epoch weight averaging and the report. Every epoch leaves a resumable checkpoint, so a killed or interrupted
/// run continues to the same numbers.
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
        var mainMetric = setup.Objective?.MainMetric ?? MetricSet.Main(definition.Evaluation);
        var device = setup.Device ?? CPU;
        var run = setup.Run;
        using var log = new RunLog(run.LogFile);

        Determinism.Seed(settings.Seed);
        using var model = setup.CreateModel();
        model.to(device);
        model.Precision.Use(settings.Precision);
        model.GradientCheckpointing = settings.GradientCheckpointing;
        var recipe = definition.Recipe;
        using var optimizer = recipe.Optimizer.Create(model.parameters());
        var metadata = new ModelMetadata
        {
            Experiment = definition.Name, Model = model.Options, Features = definition.Features,
            Labels = setup.Labels, Loss = recipe.Loss.Kind,
        };
        var (progress, ensembleSum) = setup.Resume ? RunRestorer.Restore(run, model, optimizer, log, reporter) : (Fresh(recipe), null);
        var context = new TrainingContext
        {
            Model = model, Optimizer = optimizer, Recipe = recipe, Device = device, Run = run, Log = log,
            Reporter = reporter, Train = setup.Train, Objective = setup.Objective,
            Scaler = LossScaler.For(model.Precision.ComputeType(device.type), progress.LossScale, setup.LossScaleGrowthInterval),
            Epochs = setup.EpochsOverride ?? settings.Epochs,
            Schedule = recipe.StartSchedule(progress.Schedule),
            GlobalStep = progress.GlobalStep,
            LastGoodCheckpoint = setup.Resume ? run.LastCheckpoint : null,
        };
        CheckCheckpointRetention(settings, context.Epochs);
        if (HalfPrecisionSupport.SlowdownWarning(settings.Precision, device) is { } slow) log.Write($"train.precision = bf16: {slow}");
        log.Write($"{(setup.Resume ? "resuming" : "starting")} {definition.Name}: {context.Epochs} epochs, {setup.Train.SampleCount} training clips, {setup.Eval.SampleCount} evaluation clips, seed {settings.Seed}, device {device}");

        IEpochEvaluator evaluator = setup.Objective is { } objective ? new ObjectiveEvaluator(objective, setup.Eval) : new EpochEvaluator(setup, log);
        var checkpoints = new CheckpointWriter(run, model, optimizer, metadata, settings);
        IEpochObserver[] observers = [checkpoints, new HistoryWriter(run, mainMetric), new EpochAnnouncer(log, reporter, mainMetric)];
        Predictions? bestPredictions = null;
        for (var epoch = progress.CompletedEpochs + 1; epoch <= context.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var outcome = TrainPass(context, epoch, progress, cancel);
            if (outcome.Interrupted) throw Interrupt(context, checkpoints, progress, epoch, outcome, ensembleSum);

            (var record, var predictions, ensembleSum) = evaluator.Evaluate(context, epoch, outcome, ensembleSum, clock);
            var score = record.Metrics[mainMetric];
            var isBest = score > progress.BestMetric || progress.BestEpoch == 0;
            if (isBest && predictions is not null) bestPredictions = predictions;
            context.Schedule.AfterEpoch(epoch, score);
            context.Schedule.ApplyTo(optimizer);
            progress = progress with
            {
                CompletedEpochs = epoch, GlobalStep = context.GlobalStep, BatchesDoneInEpoch = 0, EpochLossSum = 0,
                Schedule = context.Schedule.State, LossScale = context.Scaler.State,
                BestEpoch = isBest ? epoch : progress.BestEpoch, BestMetric = isBest ? score : progress.BestMetric,
                History = progress.History.Append(record).ToArray(),
            };
            var end = new EpochEnd(record, predictions, progress, isBest, ensembleSum);
            foreach (var observer in observers) observer.EpochFinished(end);
            context.LastGoodCheckpoint = checkpoints.LastWritten;
            if (cancel.IsCancellationRequested && epoch < context.Epochs)
                throw new TrainingInterruptedException(run.Path, run.LastCheckpoint, epoch, context.GlobalStep);
        }
        return RunCompletion.Finish(setup, metadata, progress, mainMetric, bestPredictions, evaluator.Warnings, log);
    }

    private static EpochOutcome TrainPass(TrainingContext context, int epoch, TrainingProgress progress, CancellationToken cancel)
    {
        try
        {
            return EpochTrainer.Run(context, epoch, progress.BatchesDoneInEpoch, progress.EpochLossSum, cancel);
        }
        catch (NonFiniteLossException e)
        {
            context.Log.Write(e.Message);
            throw;
        }
        finally
        {
            if (context.SkippedSteps.TakeSummary(epoch, context.Scaler.Scale) is { } skipped)
            {
                context.Log.Write(skipped);
                context.Reporter.Message(skipped);
            }
        }
    }

    private static TrainingProgress Fresh(TrainingRecipe recipe) => new() { Schedule = recipe.StartSchedule().State };

    private static TrainingInterruptedException Interrupt(TrainingContext context, CheckpointWriter checkpoints,
        TrainingProgress progress, int epoch, EpochOutcome outcome, float[]? ensembleSum)
    {
        checkpoints.SaveResumable(progress with
        {
            GlobalStep = context.GlobalStep, BatchesDoneInEpoch = outcome.BatchesDone, EpochLossSum = outcome.LossSum,
            Schedule = context.Schedule.State, LossScale = context.Scaler.State,
        }, ensembleSum);
        var error = new TrainingInterruptedException(context.Run.Path, context.Run.LastCheckpoint, epoch, context.GlobalStep);
        context.Log.Write(error.Message);
        return error;
    }

    // The checker applies the same rules to the spec; here they also cover --epochs, before any epoch is spent.
    private static void CheckCheckpointRetention(TrainSettings settings, int epochs)
    {
        if (CheckpointRetention.WeightAveragingProblem(settings, epochs) is { } averaging)
            throw new TrainingConfigurationException("train.wa", averaging);
        if (CheckpointRetention.RetentionProblem(settings) is { } retention)
            throw new TrainingConfigurationException("train.keep_checkpoints", retention);
    }
}
