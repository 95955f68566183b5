using AstDsl.Training.Data;
using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;
using AstDsl.Training.Loop;
using AstDsl.Training.Runs;
using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Training.Tests;

public sealed class NonFiniteLossTests
{
    [Fact]
    public void NaN_input_stops_the_run_naming_step_and_learning_rate()
    {
        using var temp = new TempDirectory();
        using var data = new TinyExperiment.Data(3, multiLabel: false, trainClips: 32, evalClips: 16);
        using var features = full(32, SyntheticBands.Frames, SyntheticBands.MelBins, float.NaN);
        using var targets = zeros(32, 3);
        var definition = TinyExperiment.Definition(3, LossKind.Ce, epochs: 1);
        var run = RunDirectory.Create(temp.Path, "nan", DateTime.UtcNow, definition.ResolvedSpecYaml);
        var setup = TinyExperiment.Setup(definition, data, run) with { Train = new TensorBatchSource(features, targets, 16, shuffle: false) };

        var error = Assert.Throws<NonFiniteLossException>(() => Trainer.Train(setup, new RecordingReporter()));

        Assert.Equal(0, error.Step);
        Assert.Equal(1e-3, error.LearningRate);
        Assert.Null(error.LastGoodCheckpoint);
        Assert.Contains("step 0", error.Message);
        Assert.Contains(error.Message, File.ReadAllText(run.LogFile));
    }

    [Fact]
    public void Exploding_learning_rate_stops_the_run_and_names_the_last_good_checkpoint()
    {
        using var temp = new TempDirectory();
        using var data = new TinyExperiment.Data(3, multiLabel: false, trainClips: 32, evalClips: 16);
        var definition = TinyExperiment.Definition(3, LossKind.Ce, epochs: 3, lr: 1e30);
        var run = RunDirectory.Create(temp.Path, "explode", DateTime.UtcNow, definition.ResolvedSpecYaml);

        var error = Assert.Throws<NonFiniteLossException>(() => Trainer.Train(TinyExperiment.Setup(definition, data, run), new RecordingReporter()));

        Assert.True(error.Step >= 1, "the first step runs on the initial weights and must be finite");
        Assert.True(error.LearningRate > 1e20);
        if (error.Epoch > 1) Assert.Equal(run.LastCheckpoint, error.LastGoodCheckpoint);
    }
}
