using AstDsl.Training.Experiments;
using AstDsl.Training.Loop;
using AstDsl.Training.Runs;
using Xunit;

namespace AstDsl.Training.Tests;

public sealed class LearningTests
{
    [Fact]
    public void Single_label_training_beats_chance_accuracy()
    {
        const int classes = 4;
        using var temp = new TempDirectory();
        using var data = new TinyExperiment.Data(classes, multiLabel: false);
        var definition = TinyExperiment.Definition(classes, LossKind.Ce, epochs: 3);
        var run = RunDirectory.Create(temp.Path, definition.Name, DateTime.UtcNow, definition.ResolvedSpecYaml);

        var result = Trainer.Train(TinyExperiment.Setup(definition, data, run), new RecordingReporter());

        // Chance is the majority-class share; require it beaten by 4 binomial standard deviations and by half the way to 1.
        var counts = data.EvalTargets.sum(dim: 0).data<float>().ToArray();
        var chance = counts.Max() / (double)data.Eval.SampleCount;
        var sigma = Math.Sqrt(chance * (1 - chance) / data.Eval.SampleCount);
        var threshold = Math.Max(chance + 4 * sigma, (chance + 1) / 2);
        Assert.True(result.FinalMetrics["acc"] > threshold, $"accuracy {result.FinalMetrics["acc"]:F3} does not beat chance {chance:F3} (threshold {threshold:F3})");
        Assert.True(result.History[^1].TrainLoss < result.History[0].TrainLoss, "training loss did not decrease");
    }

    [Fact]
    public void Multi_label_training_beats_chance_mAP()
    {
        const int classes = 4;
        using var temp = new TempDirectory();
        using var data = new TinyExperiment.Data(classes, multiLabel: true);
        var definition = TinyExperiment.Definition(classes, LossKind.Bce, epochs: 3);
        var run = RunDirectory.Create(temp.Path, definition.Name, DateTime.UtcNow, definition.ResolvedSpecYaml);

        var result = Trainer.Train(TinyExperiment.Setup(definition, data, run), new RecordingReporter());

        // A random ranking has an expected AP equal to the class prevalence, so chance mAP is the mean prevalence.
        var chance = data.EvalTargets.mean().item<float>();
        var threshold = (chance + 1) / 2;
        Assert.True(result.FinalMetrics["mAP"] > threshold, $"mAP {result.FinalMetrics["mAP"]:F3} does not beat chance {chance:F3} (threshold {threshold:F3})");
        Assert.True(result.FinalMetrics["mAUC"] > 0.75, $"mAUC {result.FinalMetrics["mAUC"]:F3} is not clearly above the chance value 0.5");
    }
}
