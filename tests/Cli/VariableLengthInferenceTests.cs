using AstDsl.Network;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Experiments;
using AstDsl.Training.Inference;
using AstDsl.Training.Optimization;
using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Cli.Tests;

/// <summary><c>astc infer</c> runs a model with frequency/time positions on a short clip at the clip's own length, without padding.</summary>
public sealed class VariableLengthInferenceTests : IClassFixture<TinyModelFixture>
{
    private readonly TinyModelFixture fixture;

    public VariableLengthInferenceTests(TinyModelFixture fixture) => this.fixture = fixture;

    [Fact]
    public void A_freqtime_model_trained_on_3_s_scores_a_1_s_clip_at_its_own_98_frames()
    {
        using var folder = new TempFolder();
        var options = fixture.Options with { InputTDim = 300, Position = PositionKind.FreqTime };
        var checkpoint = folder.File("freqtime.astckpt");
        var metadata = new ModelMetadata { Experiment = "freqtime", Model = options, Features = new FeatureSettings { MelBins = 32, TargetLength = 300 } };
        using (var model = new AstModel(options)) TrainingCheckpoint.SaveWeights(checkpoint, model, metadata);

        using var classifier = new ClipClassifier(checkpoint, "cpu");
        var result = classifier.Classify(fixture.GoodWav, top: 3);

        using var waveform = classifier.Pipeline.Load(fixture.GoodWav);
        using var features = classifier.Pipeline.Features(waveform);
        Assert.Equal(98, features.shape[0]);
        using var noGrad = no_grad();
        using var own = classifier.Pipeline.Normalize(features).unsqueeze(0);
        using var logits = classifier.Model.forward(own);
        using var expected = LossFunction.DisplayProbabilities(LossKind.Bce, logits);
        var probabilities = expected.data<float>().ToArray();
        foreach (var label in result.Top) Assert.Equal(probabilities[label.Index], label.Probability, 5);

        using var padded = classifier.Pipeline.Normalize(classifier.Pipeline.PadOrCut(features)).unsqueeze(0);
        using var paddedLogits = classifier.Model.forward(padded);
        Assert.False(paddedLogits.allclose(logits, rtol: 1e-4, atol: 1e-5));
    }
}
