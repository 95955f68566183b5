using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;
using AstDsl.Training.Loop;
using AstDsl.Training.Runs;
using Xunit;

namespace AstDsl.Training.Tests;

/// <summary>The runtime obeys the experiment contract: listed metrics only, and the checker's rules before any epoch.</summary>
public sealed class ContractRulesTests
{
    private const int Classes = 3;

    [Fact]
    public void Only_the_listed_metrics_are_computed_stored_and_reported()
    {
        using var temp = new TempDirectory();
        using var data = new TinyExperiment.Data(Classes, multiLabel: false, trainClips: 32, evalClips: 16);
        var tiny = TinyExperiment.Definition(Classes, LossKind.Ce, epochs: 1);
        var definition = tiny with { Evaluation = tiny.Evaluation with { Metrics = new[] { "acc", "mAP" }, MainMetric = "acc" } };
        var run = RunDirectory.Create(temp.Path, definition.Name, DateTime.UtcNow, definition.ResolvedSpecYaml);

        var result = Trainer.Train(TinyExperiment.Setup(definition, data, run), new RecordingReporter());

        Assert.Equal(new[] { "acc", "mAP" }, result.History[0].Metrics.Keys);
        Assert.Equal(new[] { "acc", "mAP" }, result.History[0].EnsembleMetrics!.Keys);
        Assert.Equal("epoch,step,train_loss,eval_loss,lr,seconds,acc,mAP,ens_acc,ens_mAP", File.ReadLines(run.MetricsCsv).First());
    }

    [Fact]
    public void A_main_metric_that_is_not_reported_fails_before_training()
    {
        using var temp = new TempDirectory();
        using var data = new TinyExperiment.Data(Classes, multiLabel: false, trainClips: 32, evalClips: 16);
        var tiny = TinyExperiment.Definition(Classes, LossKind.Ce, epochs: 1);
        var definition = tiny with { Evaluation = tiny.Evaluation with { Metrics = new[] { "mAP" }, MainMetric = "acc" } };
        var run = RunDirectory.Create(temp.Path, definition.Name, DateTime.UtcNow, definition.ResolvedSpecYaml);

        var error = Assert.Throws<TrainingConfigurationException>(() => Trainer.Train(TinyExperiment.Setup(definition, data, run), new RecordingReporter()));

        Assert.Equal("evaluation.main", error.Setting);
        Assert.False(File.Exists(run.LastCheckpoint));
    }

    [Fact]
    public void Weight_averaging_past_a_shortened_run_fails_before_the_first_epoch()
    {
        using var temp = new TempDirectory();
        using var data = new TinyExperiment.Data(Classes, multiLabel: false, trainClips: 32, evalClips: 16);
        var tiny = TinyExperiment.Definition(Classes, LossKind.Ce, epochs: 4);
        var definition = tiny with { Train = tiny.Train with { WeightAveraging = (2, 4), KeepCheckpoints = 3 } };
        var run = RunDirectory.Create(temp.Path, definition.Name, DateTime.UtcNow, definition.ResolvedSpecYaml);
        var setup = TinyExperiment.Setup(definition, data, run) with { EpochsOverride = 2 };

        var error = Assert.Throws<TrainingConfigurationException>(() => Trainer.Train(setup, new RecordingReporter()));

        Assert.Equal("train.wa", error.Setting);
        Assert.Contains("train.wa: weight averaging ends at epoch 4 but the run has 2 epochs", error.Message);
        Assert.False(File.Exists(run.LastCheckpoint));
    }

    [Fact]
    public void Too_few_kept_checkpoints_for_weight_averaging_fail_before_the_first_epoch()
    {
        using var temp = new TempDirectory();
        using var data = new TinyExperiment.Data(Classes, multiLabel: false, trainClips: 32, evalClips: 16);
        var tiny = TinyExperiment.Definition(Classes, LossKind.Ce, epochs: 4);
        var definition = tiny with { Train = tiny.Train with { WeightAveraging = (2, 4), KeepCheckpoints = 1 } };
        var run = RunDirectory.Create(temp.Path, definition.Name, DateTime.UtcNow, definition.ResolvedSpecYaml);

        var error = Assert.Throws<TrainingConfigurationException>(() => Trainer.Train(TinyExperiment.Setup(definition, data, run), new RecordingReporter()));

        Assert.Equal("train.keep_checkpoints", error.Setting);
        Assert.False(File.Exists(run.LastCheckpoint));
    }
}
