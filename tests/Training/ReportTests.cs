using AstDsl.Training.Checkpoints;
using AstDsl.Training.Evaluation;
using AstDsl.Training.Loop;
using AstDsl.Training.Reports;
using AstDsl.Training.Runs;
using Xunit;

namespace AstDsl.Training.Tests;

public sealed class ReportTests
{
    private static readonly byte[] PngSignature = { 0x89, (byte)'P', (byte)'N', (byte)'G' };

    [Fact]
    public void Curves_and_confusion_matrix_are_written_as_png()
    {
        using var temp = new TempDirectory();
        var run = RunDirectory.CreateAt(Path.Combine(temp.Path, "run"), "experiment: plots\n");
        var history = Enumerable.Range(1, 5).Select(e => new EpochRecord
        {
            Epoch = e, TrainLoss = 1.0 / e, EvalLoss = 1.2 / e, LearningRate = 1e-4, GlobalStep = 10 * e,
            Metrics = new Dictionary<string, double> { ["mAP"] = 0.5 + 0.08 * e, ["acc"] = 0.4 + 0.1 * e },
            EnsembleMetrics = new Dictionary<string, double> { ["mAP"] = 0.52 + 0.08 * e, ["acc"] = 0.42 + 0.1 * e },
        }).ToArray();
        CurvePlots.Write(run, history, "mAP");
        var predictions = new Predictions(
            Scores: new float[] { 0.9f, 0.1f, 0.0f, 0.2f, 0.7f, 0.1f, 0.6f, 0.3f, 0.1f, 0.1f, 0.1f, 0.8f },
            Targets: new float[] { 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1 }, Rows: 4, Classes: 3);
        ConfusionMatrixPlot.Write(run.PlotFile("confusion"), predictions,
            new[] { new LabelInfo(0, "/m/a", "dog"), new LabelInfo(1, "/m/b", "rain"), new LabelInfo(2, "/m/c", "siren") }, "plots");

        foreach (var name in new[] { "loss", "metrics", "confusion" })
        {
            var bytes = File.ReadAllBytes(run.PlotFile(name));
            Assert.Equal(PngSignature, bytes[..4]);
            Assert.True(bytes.Length > 5_000, $"{name}.png is only {bytes.Length} bytes");
        }
    }

    [Fact]
    public void Confusion_matrix_counts_true_rows_against_predicted_columns()
    {
        var predictions = new Predictions(
            Scores: new float[] { 0.9f, 0.1f, 0.2f, 0.7f, 0.6f, 0.3f },
            Targets: new float[] { 1, 0, 0, 1, 0, 1 }, Rows: 3, Classes: 2);
        var counts = ConfusionMatrix.Count(predictions);
        Assert.Equal(new[,] { { 1, 0 }, { 1, 1 } }, counts);
    }

    [Fact]
    public void Metrics_csv_has_one_row_per_epoch_with_ensemble_columns()
    {
        var history = new[]
        {
            new EpochRecord { Epoch = 1, TrainLoss = 0.5, EvalLoss = 0.6, LearningRate = 1e-3, GlobalStep = 4, Seconds = 1.5,
                Metrics = new Dictionary<string, double> { ["mAP"] = 0.25 }, EnsembleMetrics = new Dictionary<string, double> { ["mAP"] = 0.25 } },
        };
        var lines = MetricsHistoryWriter.Csv(history).TrimEnd().Split('\n');
        Assert.Equal("epoch,step,train_loss,eval_loss,lr,seconds,mAP,ens_mAP", lines[0].TrimEnd());
        Assert.Equal("1,4,0.5,0.6,0.001,1.5,0.25,0.25", lines[1].TrimEnd());
        Assert.Contains("train_loss: 0.5", MetricsHistoryWriter.Yaml(history));
    }

    [Fact]
    public void Weight_averaging_is_the_elementwise_mean_of_the_checkpoints()
    {
        using var temp = new TempDirectory();
        var metadata = new ModelMetadata { Experiment = "wa", Model = TinyExperiment.Model(2) };
        var paths = new List<string>();
        var models = new List<Network.AstModel>();
        for (var i = 0; i < 3; i++)
        {
            TorchSharp.torch.manual_seed(i);
            var model = new Network.AstModel(metadata.Model);
            models.Add(model);
            paths.Add(Path.Combine(temp.Path, $"epoch-{i}.astckpt"));
            TrainingCheckpoint.SaveWeights(paths[^1], model, metadata);
        }
        var averaged = WeightAveraging.Average(paths);
        foreach (var (name, value) in averaged)
        {
            using var expected = (models[0].state_dict()[name] + models[1].state_dict()[name] + models[2].state_dict()[name]) / 3;
            TestSupport.TensorAssert.Equal(value, expected, name);
        }
    }

    [Fact]
    public void Sliding_windows_cover_the_clip_with_the_last_flush_to_the_end()
    {
        Assert.Equal(new[] { 0 }, Inference.SlidingWindows.Starts(80, 100));
        Assert.Equal(new[] { 0, 50, 100, 150 }, Inference.SlidingWindows.Starts(250, 100));
        Assert.Equal(new[] { 0, 50, 60 }, Inference.SlidingWindows.Starts(160, 100));
    }

    [Fact]
    public void Plain_progress_prints_at_most_once_per_interval_and_every_epoch_end()
    {
        var output = new StringWriter();
        var reporter = new Progress.PlainProgressReporter(output, TimeSpan.FromHours(1));
        for (var b = 1; b <= 4; b++) reporter.Step(new Progress.StepProgress(1, 2, b, 4, b, 0.5, 1e-3, 10, TimeSpan.FromSeconds(30)));
        var lines = output.ToString().TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("epoch 1/2 batch 1/4", lines[0]);
        Assert.Contains("batch 4/4", lines[1]);
        Assert.Contains("clips/s", lines[1]);
        Assert.Contains("ETA 00:00:30", lines[1]);
    }
}
