using AstDsl.Audio.Data;
using AstDsl.Audio.Demo;
using AstDsl.Audio.Features;
using AstDsl.Audio.Wav;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace AstDsl.Audio.Tests.Demo;

public sealed class DemoDatasetTests
{
    private readonly ITestOutputHelper _output;

    public DemoDatasetTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Same_seed_writes_identical_files_and_another_seed_differs()
    {
        using var dir = new TempDir();
        var small = new DemoOptions { TrainClips = 6, EvalClips = 3 };
        var a = DemoDataset.Write(dir.File("a"), 4, small);
        DemoDataset.Write(dir.File("b"), 4, small);
        DemoDataset.Write(dir.File("c"), 5, small);
        foreach (var file in new[] { "train.json", "eval.json", "class_labels_indices.csv", "audio/train/train_0005.wav", "audio/eval/eval_0002.wav" })
            Assert.Equal(File.ReadAllBytes(dir.File("a/" + file)), File.ReadAllBytes(dir.File("b/" + file)));
        Assert.NotEqual(File.ReadAllBytes(dir.File("a/audio/train/train_0000.wav")), File.ReadAllBytes(dir.File("c/audio/train/train_0000.wav")));
        Assert.Equal(6, Datafile.Load(a.Train, LabelMap.Load(a.LabelCsv)).Count);
    }

    [Fact]
    public void Clips_are_16k_16bit_2_to_5_seconds_with_1_to_3_labels_and_no_clipping()
    {
        using var dir = new TempDir();
        var result = DemoDataset.Write(dir.Path, 1, new DemoOptions { TrainClips = 100, EvalClips = 2 });
        var labels = LabelMap.Load(result.LabelCsv);
        Assert.Equal(10, labels.Count);
        Assert.Equal("impulse_echo", labels.DisplayNames[9]);
        var entries = Datafile.Load(result.Train, labels);
        Assert.All(entries, e =>
        {
            Assert.InRange(e.LabelIndices.Count, 1, 3);
            Assert.Equal(e.LabelIndices.Distinct().Count(), e.LabelIndices.Count);
            var bytes = File.ReadAllBytes(e.Wav);
            Assert.Equal(16, BitConverter.ToInt16(bytes, 34)); // bits per sample
            var clip = WavReader.Read(e.Wav);
            Assert.Equal(16000, clip.SampleRate);
            Assert.InRange(clip.Seconds, 2.0, 5.0);
            Assert.True(clip.Samples.Max(Math.Abs) < 1f);
        });
        var counts = entries.SelectMany(e => e.LabelIndices).CountBy(c => c).OrderBy(p => p.Key).ToList();
        Assert.True(counts.Count == 10, "every class should occur; counts: " + string.Join(", ", counts));
    }

    [Fact]
    public void Default_dataset_is_written_quickly_and_a_linear_model_on_mean_fbank_does_not_solve_it_but_time_helps()
    {
        using var dir = new TempDir();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = DemoDataset.Write(dir.Path, 0);
        var writeSeconds = clock.Elapsed.TotalSeconds;
        Assert.True(writeSeconds < 20, $"writing took {writeSeconds:F1} s");

        var labels = LabelMap.Load(result.LabelCsv);
        using var pipeline = new ClipPipeline();
        var (trainX, trainY) = ClipSummaries(Datafile.Load(result.Train, labels), pipeline, labels.Count);
        var (evalX, evalY) = ClipSummaries(Datafile.Load(result.Eval, labels), pipeline, labels.Count);
        var bins = pipeline.MelBins;
        var trainMap = LinearProbe.FitAndScore(First(trainX, bins), trainY, First(trainX, bins), trainY);
        var evalMap = LinearProbe.FitAndScore(First(trainX, bins), trainY, First(evalX, bins), evalY);
        var temporalMap = LinearProbe.FitAndScore(trainX, trainY, evalX, evalY);
        _output.WriteLine($"write {writeSeconds:F1} s; linear probe on clip-mean fbank: train mAP {trainMap:F3}, eval mAP {evalMap:F3}; " +
                          $"with temporal statistics: eval mAP {temporalMap:F3}");

        // Chance mAP is about the label prevalence (0.2); a linear model sees which bands are busy, not how they move.
        Assert.InRange(evalMap, 0.25, 0.8);
        Assert.True(trainMap < 0.85, $"train mAP {trainMap:F3}: even the training set is not linearly separable");
        // The missing information is temporal: even crude time statistics help (measured: 0.54 -> 0.63 mAP).
        Assert.True(temporalMap > evalMap + 0.05, $"temporal statistics give {temporalMap:F3}, clip means {evalMap:F3}");
    }

    // Per clip: the mean over frames of each mel bin, then its standard deviation and its mean absolute frame-to-frame change.
    private static (float[,] X, float[,] Y) ClipSummaries(IReadOnlyList<DatafileEntry> entries, ClipPipeline pipeline, int classes)
    {
        var x = new float[entries.Count, 3 * pipeline.MelBins];
        var y = new float[entries.Count, classes];
        Parallel.For(0, entries.Count, i =>
        {
            using var scope = NewDisposeScope();
            using var waveform = pipeline.Load(entries[i].Wav);
            var fbank = pipeline.Features(waveform);
            var change = (fbank[1..] - fbank[..^1]).abs().mean([0L]);
            var summary = cat([fbank.mean([0L]), fbank.std([0L]), change]).data<float>().ToArray();
            for (var f = 0; f < summary.Length; f++) x[i, f] = summary[f];
            foreach (var c in entries[i].LabelIndices) y[i, c] = 1;
        });
        return (x, y);
    }

    private static float[,] First(float[,] x, int columns)
    {
        var rows = x.GetLength(0);
        var result = new float[rows, columns];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++) result[r, c] = x[r, c];
        return result;
    }
}
