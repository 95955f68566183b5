using AstDsl.Network;
using System.Text.Json;
using AstDsl.Training.Errors;
using AstDsl.Training.Evaluation;
using AstDsl.Training.Experiments;
using AstDsl.Training.Inference;
using Xunit;
using Xunit.Abstractions;

namespace AstDsl.Training.Tests;

public sealed class DemoRunTests(DemoRunFixture fixture, ITestOutputHelper output) : IClassFixture<DemoRunFixture>
{
    [Fact]
    public void Tiny_AST_on_the_demo_dataset_beats_chance_mAP()
    {
        var result = fixture.Result;
        output.WriteLine(string.Join("\n", result.History.Select(r => $"{r.Epoch}: loss {r.TrainLoss:F4} mAP {r.Metrics["mAP"]:F4} mAUC {r.Metrics["mAUC"]:F4}")));
        var eval = ModelEvaluator.Evaluate(result.BestCheckpoint!, fixture.Demo.Eval);
        // A random ranking scores each class's prevalence in expectation; the shuffles give the spread around it too.
        var prevalence = eval.Predictions.Targets.Average();
        var chanceMap = ChanceLevel.BestOfShuffles(eval.Predictions, "mAP");
        var chanceAuc = ChanceLevel.BestOfShuffles(eval.Predictions, "mAUC");
        output.WriteLine($"prevalence {prevalence:F3}, best shuffled mAP {chanceMap:F3}, mAUC {chanceAuc:F3}");
        Assert.True(eval.Metrics["mAP"] > Math.Max(chanceMap, 1.5 * prevalence), $"mAP {eval.Metrics["mAP"]:F3} is not clearly above chance (best of 20 shuffles {chanceMap:F3}, 1.5 x prevalence {1.5 * prevalence:F3})");
        Assert.True(eval.Metrics["mAUC"] > chanceAuc + 0.05, $"mAUC {eval.Metrics["mAUC"]:F3} is not clearly above chance (best of 20 shuffles {chanceAuc:F3})");
    }

    [Fact]
    public void Run_directory_holds_spec_log_metrics_checkpoints_report_and_pictures()
    {
        var dir = fixture.Result.RunDirectory;
        Assert.StartsWith("demo-", Path.GetFileName(dir));
        foreach (var name in new[] { "spec.yaml", "train.log", "metrics.csv", "metrics.yaml", "report.md", "loss.png", "metrics.png",
                     "checkpoints/last.astckpt", "checkpoints/best.astckpt", "checkpoints/averaged.astckpt", "checkpoints/epoch-8.astckpt" })
            Assert.True(File.Exists(Path.Combine(dir, name)), $"{name} is missing from the run directory");
        Assert.Equal(fixture.Definition.ResolvedSpecYaml, File.ReadAllText(Path.Combine(dir, "spec.yaml")));
        // keep_checkpoints = 3: epochs 6..8 (the averaged ones) stay, older epoch files are gone.
        Assert.Equal(new[] { "epoch-6.astckpt", "epoch-7.astckpt", "epoch-8.astckpt" },
            Directory.GetFiles(Path.Combine(dir, "checkpoints"), "epoch-*.astckpt").Select(Path.GetFileName).Order());
        var csv = File.ReadAllLines(Path.Combine(dir, "metrics.csv"));
        Assert.Equal(9, csv.Length);
        Assert.StartsWith("epoch,step,train_loss,eval_loss,lr,seconds,mAP,mAUC,d_prime,acc,ens_mAP", csv[0]);
        Assert.Contains("weight averaging", File.ReadAllText(Path.Combine(dir, "train.log")));
        Assert.NotNull(fixture.Result.AveragedMetrics);
        Assert.NotNull(fixture.Result.EnsembleMetrics);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(Path.Combine(dir, "metrics.png"))[..4]);
    }

    [Fact]
    public void Evaluating_the_best_checkpoint_reproduces_the_metrics_of_its_epoch()
    {
        var result = fixture.Result;
        var eval = ModelEvaluator.Evaluate(result.RunDirectory, fixture.Demo.Eval);
        var best = result.History.Single(r => r.Epoch == result.BestEpoch);
        foreach (var (name, value) in best.Metrics) Assert.Equal(value, eval.Metrics[name], 6);
    }

    [Fact]
    public void Ensemble_of_checkpoints_averages_member_predictions()
    {
        var dir = Path.Combine(fixture.Result.RunDirectory, "checkpoints");
        var members = new[] { Path.Combine(dir, "epoch-7.astckpt"), Path.Combine(dir, "epoch-8.astckpt") };
        var ensemble = ModelEvaluator.Ensemble(members, fixture.Demo.Eval);
        var singles = members.Select(m => ModelEvaluator.Evaluate(m, fixture.Demo.Eval).Predictions).ToArray();
        var expected = Predictions.Average(singles);
        Assert.Equal(expected.Scores, ensemble.Predictions.Scores);
        Assert.Equal(2, ensemble.MemberMetrics.Count);
    }

    [Fact]
    public void Inference_names_labels_and_slides_over_long_clips()
    {
        using var classifier = new ClipClassifier(fixture.Result.RunDirectory, "cpu");
        var entries = JsonDocument.Parse(File.ReadAllText(fixture.Demo.Eval)).RootElement.GetProperty("data").EnumerateArray()
            .Select(e => Path.Combine(Path.GetDirectoryName(fixture.Demo.Eval)!, e.GetProperty("wav").GetString()!)).ToArray();
        var results = entries.Take(12).Select(path => classifier.Classify(path, top: 3)).ToArray();

        Assert.All(results, r => Assert.Equal(3, r.Top.Count));
        Assert.All(results, r => Assert.True(r.Top[0].Probability >= r.Top[1].Probability));
        Assert.All(results, r => Assert.DoesNotContain("class", r.Top[0].Name));
        var longClip = results.First(r => r.DurationSeconds > 3.0);
        Assert.NotEmpty(longClip.Windows);
        Assert.Equal(0, longClip.Windows[0].StartSeconds);
        Assert.Equal(2.56, longClip.Windows[0].EndSeconds, 6);
        // The clip score of a multi-label model is the maximum over windows.
        var best = longClip.Top[0];
        Assert.Equal(best.Probability, longClip.Windows.Max(w => w.Top.Where(s => s.Index == best.Index).Select(s => s.Probability).DefaultIfEmpty(0).Max()), 6);
    }

    [Fact]
    public void Cross_validation_trains_every_fold_and_reports_the_mean_accuracy()
    {
        var folder = Path.GetDirectoryName(fixture.Demo.Train)!;
        foreach (var fold in new[] { 1, 2 })
        {
            File.Copy(fixture.Demo.Train, Path.Combine(folder, $"train_{fold}.json"), overwrite: true);
            File.Copy(fixture.Demo.Eval, Path.Combine(folder, $"eval_{fold}.json"), overwrite: true);
        }
        var definition = fixture.Definition with
        {
            Name = "demo-cv",
            Data = fixture.Definition.Data with { TrainFile = "train_{fold}.json", EvalFile = "eval_{fold}.json", Folds = new[] { 1, 2 } },
            Train = fixture.Definition.Train with { WeightAveraging = null },
        };
        var result = ExperimentRunner.Run(definition, () => new AstModel(definition.Model),
            new RunOptions { RunsRoot = Path.Combine(fixture.Root, "cv-runs"), Device = "cpu", EpochsOverride = 1 });

        Assert.Equal(2, result.Folds.Count);
        Assert.Equal(new[] { "fold-1", "fold-2" }, result.Folds.Select(f => Path.GetFileName(f.RunDirectory)));
        Assert.All(result.Folds, f => Assert.Single(f.History));
        Assert.Equal(result.Folds.Average(f => f.FinalMetrics["acc"]), result.FoldMeanAccuracy);
        Assert.Contains("Mean over folds", File.ReadAllText(Path.Combine(result.RunDirectory, "report.md")));
    }

    [Fact]
    public void Folds_without_a_placeholder_are_rejected()
    {
        var definition = fixture.Definition with { Data = fixture.Definition.Data with { Folds = new[] { 1, 2 } } };
        var error = Assert.Throws<TrainingConfigurationException>(() => ExperimentRunner.Run(definition, () => new AstModel(definition.Model),
            new RunOptions { RunsRoot = Path.Combine(fixture.Root, "bad-runs"), Device = "cpu" }));
        Assert.Equal("data.folds", error.Setting);
    }
}
