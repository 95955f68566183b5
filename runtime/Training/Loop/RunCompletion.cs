using AstDsl.Training.Checkpoints;
using AstDsl.Training.Evaluation;
using AstDsl.Training.Experiments;
using AstDsl.Training.Reports;
using AstDsl.Training.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Training.Loop;

/// <summary>What a run does once every epoch is done: weight averaging, the confusion matrix of the best epoch, the report.</summary>
internal static class RunCompletion
{
    public static RunResult Finish(TrainerSetup setup, ModelMetadata metadata, TrainingProgress progress,
        string mainMetric, Predictions? bestPredictions, IReadOnlyList<string> warnings, RunLog log)
    {
        var run = setup.Run;
        var definition = setup.Definition;
        var averaged = AverageWeights(setup, metadata, log);
        if (definition.Recipe.Loss.Kind == LossKind.Ce && progress.BestEpoch > 0 && setup.Objective is null)
            ConfusionMatrixPlot.Write(run.PlotFile("confusion"), bestPredictions ?? BestPredictions(setup),
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

    // The range was checked against the run's epochs (CheckpointRetention) before the first epoch.
    private static IReadOnlyDictionary<string, double>? AverageWeights(TrainerSetup setup, ModelMetadata metadata, RunLog log)
    {
        if (setup.Definition.Train.WeightAveraging is not { } range) return null;
        var last = range.End;
        var paths = Enumerable.Range(range.Start, last - range.Start + 1).Select(setup.Run.EpochCheckpoint).ToArray();
        var weights = WeightAveraging.Average(paths);
        try
        {
            using var model = new Network.AstModel(metadata.Model);
            using (no_grad()) model.load_state_dict(weights);
            TrainingCheckpoint.SaveWeights(setup.Run.AveragedCheckpoint, model, metadata);
            // Evaluated on the run's device in its precision, as every epoch was; the saved weights stay float32.
            model.PlaceForInference(setup.Device ?? CPU, setup.Definition.Train.Precision);
            var metrics = MetricSet.From(Predictor.Predict(model, setup.Eval, setup.Definition.Recipe.Loss, setup.Device).Predictions.Metrics(), setup.Definition.Evaluation.Metrics);
            log.Write($"weight averaging of epochs {range.Start}..{last}: " + string.Join(", ", metrics.Select(kv => FormattableString.Invariant($"{kv.Key} {kv.Value:F4}"))));
            return metrics;
        }
        finally
        {
            foreach (var t in weights.Values) t.Dispose();
        }
    }

    // After a resume the best epoch may predate this process; its predictions are recomputed from its weights.
    private static Predictions BestPredictions(TrainerSetup setup)
    {
        var device = setup.Device ?? CPU;
        using var model = TrainingCheckpoint.Load(setup.Run.BestCheckpoint).CreateModel();
        model.PlaceForInference(device, setup.Definition.Train.Precision);
        return Predictor.Predict(model, setup.Eval, setup.Definition.Recipe.Loss, device).Predictions;
    }
}
