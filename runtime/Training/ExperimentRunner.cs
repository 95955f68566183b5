using System.Collections.Concurrent;
using System.Globalization;
using AstDsl.Network;
using AstDsl.Network.Devices;
using AstDsl.Network.Pretraining;
using AstDsl.Training.Data;
using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;
using AstDsl.Training.Loop;
using AstDsl.Training.Pretraining;
using AstDsl.Training.Progress;
using AstDsl.Training.Reports;
using AstDsl.Training.Runs;

namespace AstDsl.Training;

/// <summary>
/// Entry point for <c>astc run</c>: runs a generated experiment end to end (data, model with pretrained weights,
/// training, evaluation, checkpoints, report) in a new run folder, or continues one. An experiment with folds
/// runs once per fold inside one run folder and reports the mean accuracy, as the official ESC-50 recipe.
/// Ctrl-C or SIGTERM saves a resumable checkpoint and ends with <see cref="Errors.TrainingInterruptedException"/>.
/// </summary>
public static class ExperimentRunner
{
    /// <summary>
    /// Runs <paramref name="definition"/>; continues <see cref="RunOptions.ResumeFrom"/> when it is set. Progress goes to
    /// <paramref name="reporter"/> (the caller chooses the display; null reports nothing).
    /// </summary>
    public static RunResult Run(ExperimentDefinition definition, Func<AstNetwork> createModel, RunOptions options,
        IProgressReporter? reporter = null, CancellationToken cancel = default)
    {
        if (options.ResumeFrom is { } existing) return Resume(existing, definition, createModel, options, reporter, cancel);
        return Execute(() => RunDirectory.Create(options.RunsRoot, definition.Name, DateTime.UtcNow, definition.ResolvedSpecYaml),
            definition, createModel, options, resume: false, reporter, cancel);
    }

    /// <summary>Continues the run in <paramref name="runDirectory"/> (model, optimiser, schedule, RNG and progress from its last checkpoint).</summary>
    public static RunResult Resume(string runDirectory, ExperimentDefinition definition, Func<AstNetwork> createModel, RunOptions options,
        IProgressReporter? reporter = null, CancellationToken cancel = default) =>
        Execute(() => OpenForResume(runDirectory, definition, options, reporter ?? SilentProgressReporter.Instance),
            definition, createModel, options, resume: true, reporter, cancel);

    private static RunDirectory OpenForResume(string runDirectory, ExperimentDefinition definition, RunOptions options, IProgressReporter reporter)
    {
        var run = RunDirectory.Open(runDirectory);
        foreach (var difference in ResumeCompatibility.Check(run, definition.ResolvedSpecYaml, options.AllowSpecChange))
            reporter.Message($"warning: resuming with a changed spec ({difference})");
        return run;
    }

    // The data is checked before the run folder is made, so a typo in a path leaves no empty run behind.
    private static RunResult Execute(Func<RunDirectory> openRun, ExperimentDefinition definition, Func<AstNetwork> createModel, RunOptions options,
        bool resume, IProgressReporter? reporter, CancellationToken cancel)
    {
        reporter ??= SilentProgressReporter.Instance;
        foreach (var warning in RunPreflight.Check(definition)) reporter.Message("warning: " + warning);
        var run = openRun();
        if (options.Threads is { } threads) TorchSharp.torch.set_num_threads(threads);
        var device = DeviceSelector.Resolve(options.Device);
        using var signal = new InterruptSignal(cancel);
        try
        {
            return definition.Data.Folds.Count == 0
                ? TrainSplit(run, definition, createModel, options, device, resume, reporter, signal.Token)
                : CrossValidate(run, definition, createModel, options, device, resume, reporter, signal.Token);
        }
        catch (RunWriteException e) when (e.RunDirectory is null)
        {
            throw e.ForRun(run.Path);
        }
    }

    private static RunResult TrainSplit(RunDirectory run, ExperimentDefinition definition, Func<AstNetwork> createModel, RunOptions options,
        TorchSharp.torch.Device device, bool resume, IProgressReporter reporter, CancellationToken cancel)
    {
        // A pretraining spec trains the trunk with SSAST's heads on unlabelled audio instead of the spec's classifier.
        var masking = definition.Pretrain.MaskedModeling;
        // Loader workers report cache trouble as it happens; the report repeats it with the run's other warnings.
        var cacheWarnings = new ConcurrentQueue<string>();
        void Warn(string warning)
        {
            cacheWarnings.Enqueue(warning);
            reporter.Message("warning: " + warning);
        }
        using var data = masking is null ? ExperimentData.Open(definition, Warn) : ExperimentData.OpenUnlabelled(definition, Warn);
        var create = masking is null ? createModel : () => new MaskedPatchModel(definition.Model);
        var setup = new TrainerSetup
        {
            Definition = definition,
            // Resumed weights replace the pretrained ones, so the transfer is skipped.
            CreateModel = resume ? create : ModelInitializer.WithPretraining(definition, create),
            Objective = masking is null ? null : new MaskedPatchObjective(masking, definition.Train.Seed),
            Train = data.Train, Eval = data.Eval, Run = run, Labels = data.Labels, Resume = resume,
            EpochsOverride = options.EpochsOverride, Device = device,
        };
        var result = Trainer.Train(setup, reporter, cancel);
        var skipped = data.Train.Skipped.Concat(data.Eval.Skipped).Select(s => $"skipped unreadable clip {s.Path} (epoch {s.Epoch}): {s.Reason}").Distinct();
        var added = cacheWarnings.Concat(skipped).ToArray();
        return added.Length == 0 ? result : result with { Warnings = result.Warnings.Concat(added).ToArray() };
    }

    private static RunResult CrossValidate(RunDirectory run, ExperimentDefinition definition, Func<AstNetwork> createModel, RunOptions options,
        TorchSharp.torch.Device device, bool resume, IProgressReporter reporter, CancellationToken cancel)
    {
        var folds = new List<RunResult>();
        foreach (var fold in definition.Data.Folds)
        {
            var foldDefinition = FoldDefinition.For(definition, fold);
            var path = Path.Combine(run.Path, $"fold-{fold.ToString(CultureInfo.InvariantCulture)}");
            var started = resume && File.Exists(Path.Combine(path, "checkpoints", "last.astckpt"));
            var foldRun = started ? RunDirectory.Open(path) : RunDirectory.CreateAt(path, definition.ResolvedSpecYaml);
            reporter.Message($"fold {fold}: {foldRun.Path}");
            folds.Add(TrainSplit(foldRun, foldDefinition, createModel, options, device, started, reporter, cancel));
        }
        var result = new RunResult
        {
            RunDirectory = run.Path,
            MainMetric = folds[0].MainMetric,
            BestMetric = folds.Average(f => f.BestMetric),
            FinalMetrics = folds[0].FinalMetrics.Keys.ToDictionary(k => k, k => folds.Average(f => f.FinalMetrics[k])),
            Folds = folds,
            // The official ESC-50 recipe reports mean accuracy; a spec that does not list acc gets none.
            FoldMeanAccuracy = folds[0].FinalMetrics.ContainsKey(MetricNames.Accuracy) ? folds.Average(f => f.FinalMetrics[MetricNames.Accuracy]) : null,
            Warnings = folds.SelectMany(f => f.Warnings).Distinct().ToArray(),
        };
        RunReport.Write(run, definition, result);
        reporter.Message(FormattableString.Invariant($"cross-validation over {folds.Count} folds: mean {string.Join(", ", result.FinalMetrics.Select(kv => $"{kv.Key} {kv.Value:F4}"))}"));
        return result;
    }
}
