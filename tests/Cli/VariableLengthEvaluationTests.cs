using AstDsl.Audio.Data;
using AstDsl.Network;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Evaluation;
using AstDsl.Training.Experiments;
using AstDsl.Training.Inference;
using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Cli.Tests;

/// <summary>
/// <c>astc eval</c> scores each clip of a frequency/time model at the clip's own length, as <c>astc infer</c> does, and
/// keeps padding every clip for a grid model.
/// </summary>
public sealed class VariableLengthEvaluationTests : IClassFixture<TinyModelFixture>
{
    // 1 s, 0.5 s, 2 s, 1 s and 4 s: three own lengths (98, 48, 198 frames) out of datafile order, and one clip past 3 s.
    private static readonly int[] Samples = [16000, 8000, 32000, 16000, 64000];
    private readonly TinyModelFixture fixture;

    public VariableLengthEvaluationTests(TinyModelFixture fixture) => this.fixture = fixture;

    [Fact]
    public void A_freqtime_model_scores_every_clip_as_infer_does_and_cuts_the_longer_one()
    {
        var checkpoint = SaveModel("freqtime", PositionKind.FreqTime, trainedFrames: 300);
        var datafile = MixedDatafile();

        var scores = Evaluate(checkpoint, datafile);

        using var classifier = new ClipClassifier(checkpoint, "cpu");
        var schedule = classifier.Schedule();
        for (var clip = 0; clip < 4; clip++)
        {
            var infer = classifier.ClipScores(Wav(clip), schedule);
            for (var label = 0; label < 3; label++) Assert.Equal(infer[label], scores[clip][label], 5);
            var padded = Padded(classifier.Model, classifier, Wav(clip));
            Assert.InRange(Enumerable.Range(0, 3).Max(label => Math.Abs(padded[label] - scores[clip][label])), 1e-4f, 1f);
        }
        var cut = Padded(classifier.Model, classifier, Wav(4));
        for (var label = 0; label < 3; label++) Assert.Equal(cut[label], scores[4][label], 5);
    }

    [Fact]
    public void A_grid_model_still_scores_every_clip_padded_or_cut_to_its_trained_length()
    {
        var checkpoint = SaveModel("grid", PositionKind.Grid, trainedFrames: 300);
        var scores = Evaluate(checkpoint, MixedDatafile());

        using var classifier = new ClipClassifier(checkpoint, "cpu");
        for (var clip = 0; clip < Samples.Length; clip++)
        {
            var padded = Padded(classifier.Model, classifier, Wav(clip));
            for (var label = 0; label < 3; label++) Assert.Equal(padded[label], scores[clip][label], 5);
        }
    }

    [Fact]
    public void A_freqtime_model_skips_an_unreadable_clip_by_its_datafile_index()
    {
        var checkpoint = SaveModel("freqtime-skip", PositionKind.FreqTime, trainedFrames: 300);
        var result = ModelEvaluator.Evaluate(checkpoint, fixture.BadDatafile,
            new EvaluationOptions { LabelCsv = fixture.LabelCsv, BatchSize = 2, Device = "cpu", BadFiles = BadFilePolicy.Skip });

        Assert.Equal(4, result.Predictions.Rows);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(4, skipped.Index);
        Assert.Equal(fixture.RandomBytes, skipped.Path);
    }

    private string SaveModel(string name, PositionKind position, int trainedFrames)
    {
        var options = fixture.Options with { InputTDim = trainedFrames, Position = position };
        var checkpoint = fixture.File($"{name}-eval.astckpt");
        var metadata = new ModelMetadata { Experiment = name, Model = options, Features = new FeatureSettings { MelBins = 32, TargetLength = trainedFrames } };
        using (var model = new AstModel(options)) TrainingCheckpoint.SaveWeights(checkpoint, model, metadata);
        return checkpoint;
    }

    private string Wav(int clip) => fixture.File($"length{clip}.wav");

    private string MixedDatafile()
    {
        for (var clip = 0; clip < Samples.Length; clip++)
            TinyModelFixture.WriteWav(Wav(clip), Enumerable.Range(0, Samples[clip]).Select(t => (float)(0.3 * Math.Sin(2 * Math.PI * (180 + 90 * clip) * t / 16000))).ToArray());
        return fixture.WriteDatafile("lengths.json", Enumerable.Range(0, Samples.Length).Select(Wav));
    }

    // Clip scores (rows in datafile order) of astc eval, in batches of two.
    private float[][] Evaluate(string checkpoint, string datafile)
    {
        var result = ModelEvaluator.Evaluate(checkpoint, datafile, new EvaluationOptions { LabelCsv = fixture.LabelCsv, BatchSize = 2, Device = "cpu" });
        Assert.Equal(Samples.Length, result.Predictions.Rows);
        return result.Predictions.Scores.Chunk(3).ToArray();
    }

    // The model's sigmoid scores of a clip padded with zero frames or cut to the trained length, as training saw it.
    private static float[] Padded(AstNetwork model, ClipClassifier classifier, string wav)
    {
        using var noGrad = no_grad();
        using var input = classifier.Pipeline.Process(wav).unsqueeze(0);
        using var logits = model.forward(input);
        using var scores = logits.sigmoid();
        return scores.data<float>().ToArray();
    }
}
