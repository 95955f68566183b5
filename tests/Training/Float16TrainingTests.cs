using System.Text.Json;
using AstDsl.Network;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;
using AstDsl.Training.Loop;
using AstDsl.TestSupport;
using AstDsl.Training.Optimization;
using AstDsl.Training.Runs;
using AstDsl.Training.Schedules;
using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Training.Tests;

/// <summary>
/// Training with float16 products and the loss scaler, as on CUDA: the CPU is forced to float16 here
/// (<c>MixedPrecision.HalfTypeOverride</c>), which libtorch's CPU kernels compute, slowly.
/// </summary>
public sealed class Float16TrainingTests
{
    private const int Classes = 3;

    [Fact]
    public void A_float16_run_with_loss_scaling_learns_the_bands()
    {
        using var temp = new TempDirectory();
        using var data = new TinyExperiment.Data(Classes, multiLabel: false, trainClips: 96, evalClips: 48);
        var definition = Float16(TinyExperiment.Definition(Classes, LossKind.Ce, epochs: 3));
        var run = RunDirectory.Create(temp.Path, definition.Name, DateTime.UtcNow, definition.ResolvedSpecYaml);

        var result = Trainer.Train(Setup(definition, data, run), new RecordingReporter());

        var losses = result.History.Select(r => r.TrainLoss).ToArray();
        Assert.True(losses[^1] < 0.7 * losses[0], $"training loss did not fall: {string.Join(", ", losses)}");
        Assert.True(result.FinalMetrics["acc"] > 0.6, $"accuracy {result.FinalMetrics["acc"]:F3} (chance about 0.33)");
        var scale = TrainingCheckpoint.Load(run.LastCheckpoint).Progress!.LossScale;
        Assert.NotNull(scale);
        // At 2^16 this model's float16 backward overflows every few steps; the log says so once per epoch at most.
        var overflowLines = File.ReadLines(run.LogFile).Count(line => line.Contains("gradients overflowed", StringComparison.Ordinal));
        Assert.InRange(overflowLines, 1, 3);
    }

    [Fact]
    public void A_resumed_float16_run_continues_with_its_saved_loss_scale()
    {
        using var temp = new TempDirectory();
        using var data = new TinyExperiment.Data(Classes, multiLabel: false, trainClips: 64, evalClips: 32);
        var definition = Float16(TinyExperiment.Definition(Classes, LossKind.Ce, epochs: 2));
        var straightRun = RunDirectory.Create(temp.Path, "straight", DateTime.UtcNow, definition.ResolvedSpecYaml);
        Trainer.Train(Setup(definition, data, straightRun), new RecordingReporter());

        var resumedRun = RunDirectory.Create(temp.Path, "resumed", DateTime.UtcNow, definition.ResolvedSpecYaml);
        using var cancel = new CancellationTokenSource();
        // 4 batches per epoch: stop after global step 6, in the middle of epoch 2.
        Assert.Throws<TrainingInterruptedException>(() =>
            Trainer.Train(Setup(definition, data, resumedRun), new RecordingReporter(cancel, stepLimit: 6), cancel.Token));
        var saved = TrainingCheckpoint.Load(resumedRun.LastCheckpoint).Progress!.LossScale;
        // Overflows and growth (every 3 finite steps) have moved the scale off its start, so a resume that forgot it would differ.
        Assert.NotEqual(new LossScaleState(LossScaler.InitialScale, 0), saved);

        Trainer.Train(Setup(definition, data, RunDirectory.Open(resumedRun.Path), resume: true), new RecordingReporter());

        var straight = TrainingCheckpoint.Load(straightRun.LastCheckpoint);
        var resumed = TrainingCheckpoint.Load(resumedRun.LastCheckpoint);
        Assert.Equal(straight.Progress!.LossScale, resumed.Progress!.LossScale);
        var expected = straight.StateDict();
        foreach (var (key, value) in resumed.StateDict()) TensorAssert.Equal(value, expected[key], key);
    }

    [Fact]
    public void The_recipe_s_accumulation_sets_the_float16_optimiser_steps()
    {
        using var temp = new TempDirectory();
        using var data = new TinyExperiment.Data(Classes, multiLabel: false, trainClips: 64, evalClips: 32);
        var tiny = Float16(TinyExperiment.Definition(Classes, LossKind.Ce, epochs: 1));
        var definition = tiny with { Recipe = tiny.Recipe with { AccumulationSteps = 2, ClipNorm = 1.0 } };
        var run = RunDirectory.Create(temp.Path, definition.Name, DateTime.UtcNow, definition.ResolvedSpecYaml);
        var reporter = new RecordingReporter();

        Trainer.Train(Setup(definition, data, run), reporter);

        // 4 batches, 2 per step.
        Assert.Equal([1L, 2L], reporter.Steps.Select(s => s.GlobalStep));
        Assert.Equal([2, 4], reporter.Steps.Select(s => s.Batch));
    }

    [Fact]
    public void A_progress_header_from_before_loss_scaling_reads_without_a_scale()
    {
        var progress = new TrainingProgress { Schedule = new ScheduleState(1e-4, 0.5, 0), LossScale = new LossScaleState(512f, 7) };
        var json = JsonSerializer.Serialize(progress, CheckpointJson.Options);
        var older = json.Replace(",\"LossScale\":{\"Scale\":512,\"GrowthTracker\":7}", "", StringComparison.Ordinal);
        Assert.NotEqual(json, older);

        Assert.Equal(new LossScaleState(512f, 7), JsonSerializer.Deserialize<TrainingProgress>(json, CheckpointJson.Options)!.LossScale);
        Assert.Null(JsonSerializer.Deserialize<TrainingProgress>(older, CheckpointJson.Options)!.LossScale);
    }

    private static ExperimentDefinition Float16(ExperimentDefinition definition) =>
        definition with { Train = definition.Train with { Precision = Precision.Bf16 } };

    private static TrainerSetup Setup(ExperimentDefinition definition, TinyExperiment.Data data, RunDirectory run, bool resume = false) =>
        TinyExperiment.Setup(definition, data, run, resume) with
        {
            CreateModel = () =>
            {
                var model = new AstModel(definition.Model);
                model.Precision.HalfTypeOverride = ScalarType.Float16;
                return model;
            },
            LossScaleGrowthInterval = 3,
        };
}
