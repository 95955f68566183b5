using AstDsl.Training.Checkpoints;
using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;
using AstDsl.Training.Loop;
using AstDsl.Training.Runs;
using AstDsl.TestSupport;
using Xunit;

namespace AstDsl.Training.Tests;

public sealed class ResumeTests
{
    private const int Classes = 4;

    [Fact]
    public void Interrupted_and_resumed_run_ends_with_the_weights_of_an_uninterrupted_run()
    {
        using var temp = new TempDirectory();
        using var data = new TinyExperiment.Data(Classes, multiLabel: false, trainClips: 64, evalClips: 32);
        // Dropout makes the global RNG matter, so its state must survive the interrupt too.
        var definition = TinyExperiment.Definition(Classes, LossKind.Ce, epochs: 3, dropRate: 0.1);

        var straightRun = RunDirectory.Create(temp.Path, "straight", DateTime.UtcNow, definition.ResolvedSpecYaml);
        var straight = Trainer.Train(TinyExperiment.Setup(definition, data, straightRun), new RecordingReporter());

        var resumedRun = RunDirectory.Create(temp.Path, "resumed", DateTime.UtcNow, definition.ResolvedSpecYaml);
        using var cancel = new CancellationTokenSource();
        // 4 batches per epoch: stop in the middle of epoch 2 (after global step 6).
        var interrupted = Assert.Throws<TrainingInterruptedException>(() =>
            Trainer.Train(TinyExperiment.Setup(definition, data, resumedRun), new RecordingReporter(cancel, stepLimit: 6), cancel.Token));
        Assert.Equal(resumedRun.Path, interrupted.RunDirectory);
        var saved = TrainingCheckpoint.Load(resumedRun.LastCheckpoint).Progress!;
        Assert.Equal(1, saved.CompletedEpochs);
        Assert.Equal(2, saved.BatchesDoneInEpoch);

        var resumed = Trainer.Train(TinyExperiment.Setup(definition, data, RunDirectory.Open(resumedRun.Path), resume: true), new RecordingReporter());

        AssertSameWeights(straightRun.LastCheckpoint, resumedRun.LastCheckpoint);
        Assert.Equal(straight.History.Select(r => r.TrainLoss), resumed.History.Select(r => r.TrainLoss));
        Assert.Equal(straight.FinalMetrics, resumed.FinalMetrics);
        Assert.Equal(straight.EnsembleMetrics, resumed.EnsembleMetrics);
    }

    [Fact]
    public void Same_seed_gives_the_same_numbers()
    {
        using var temp = new TempDirectory();
        using var data = new TinyExperiment.Data(Classes, multiLabel: true, trainClips: 48, evalClips: 32);
        var definition = TinyExperiment.Definition(Classes, LossKind.Bce, epochs: 2, dropRate: 0.1);
        var first = RunDirectory.Create(temp.Path, "a", DateTime.UtcNow, definition.ResolvedSpecYaml);
        var second = RunDirectory.Create(temp.Path, "b", DateTime.UtcNow, definition.ResolvedSpecYaml);

        var a = Trainer.Train(TinyExperiment.Setup(definition, data, first), new RecordingReporter());
        var b = Trainer.Train(TinyExperiment.Setup(definition, data, second), new RecordingReporter());

        AssertSameWeights(first.LastCheckpoint, second.LastCheckpoint);
        Assert.Equal(a.History.Select(r => r.TrainLoss), b.History.Select(r => r.TrainLoss));
        Assert.Equal(a.FinalMetrics, b.FinalMetrics);
    }

    private static void AssertSameWeights(string expectedPath, string actualPath)
    {
        var expected = TrainingCheckpoint.Load(expectedPath).StateDict();
        var actual = TrainingCheckpoint.Load(actualPath).StateDict();
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (key, value) in expected) TensorAssert.Equal(actual[key], value, key);
    }
}
