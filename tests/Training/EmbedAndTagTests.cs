using Xunit;
using AstDsl.Audio.Wav;
using AstDsl.Network;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Experiments;
using AstDsl.Training.Inference;
using static TorchSharp.torch;

namespace AstDsl.Training.Tests;

/// <summary>
/// <c>astc embed</c> returns the model's own pooled output, and <c>astc tag --stream</c> emits the windows and
/// probabilities of the offline sliding window.
/// </summary>
public sealed class EmbedAndTagTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _checkpoint;
    private readonly string _wav;

    public EmbedAndTagTests()
    {
        manual_seed(11);
        var metadata = new ModelMetadata
        {
            Experiment = "tiny", Model = TinyExperiment.Model(3),
            Features = new FeatureSettings { TargetLength = SyntheticBands.Frames, MelBins = SyntheticBands.MelBins, Resample = true },
            Labels = [new LabelInfo(0, "/m/a", "Dog"), new LabelInfo(1, "/m/b", "Rain"), new LabelInfo(2, "/m/c", "Siren")],
        };
        using var model = new AstModel(metadata.Model);
        _checkpoint = Path.Combine(_temp.Path, "tiny.astckpt");
        TrainingCheckpoint.SaveWeights(_checkpoint, model, metadata);
        _wav = Path.Combine(_temp.Path, "clip.wav");
        WavWriter.Write(_wav, Chirp(16000, 2.37));
    }

    [Fact]
    public void Embedding_is_the_pooled_output_of_the_forward()
    {
        using var classifier = new ClipClassifier(_checkpoint, "cpu");
        using var input = classifier.Pipeline.Process(_wav).unsqueeze(0);
        using var expected = classifier.Model.Pool(input);
        using var embedding = ClipEmbedder.Embed(classifier, [_wav, _wav], new EmbeddingOptions());
        Assert.Equal([2L, 32L], embedding.shape);
        Assert.True(embedding.eq(expected).all().item<bool>()); // bit-exact, both rows
        using var logits = classifier.Model.forward(input);
        using var head = classifier.Model.Head(embedding[..1]);
        Assert.True(head.allclose(logits, rtol: 0, atol: 1e-6)); // the pooled vector is what the head classifies

        using var tokens = ClipEmbedder.Embed(classifier, [_wav], new EmbeddingOptions(Layer: 1, PerToken: true));
        using var layerOne = classifier.Model.Tokens(input, 1);
        Assert.Equal([1L, 6L, 32L], tokens.shape); // class + distillation tokens + 2 x 2 patches
        Assert.True(tokens.eq(layerOne).all().item<bool>());
    }

    [Fact]
    public void Npy_file_holds_the_embeddings_and_an_index()
    {
        using var classifier = new ClipClassifier(_checkpoint, "cpu");
        using var embedding = ClipEmbedder.Embed(classifier, [_wav], new EmbeddingOptions());
        var path = Path.Combine(_temp.Path, "emb.npy");
        EmbeddingFile.Write(path, embedding, [_wav]);
        var bytes = File.ReadAllBytes(path);
        var headerLength = bytes[8] | (bytes[9] << 8);
        Assert.Equal(0, (10 + headerLength) % 64);
        Assert.StartsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 32), }", System.Text.Encoding.ASCII.GetString(bytes, 10, headerLength));
        var values = new float[32];
        Buffer.BlockCopy(bytes, 10 + headerLength, values, 0, 128);
        Assert.Equal(embedding[0].data<float>().ToArray(), values);
        Assert.Equal($"row,file\n0,{_wav}\n", File.ReadAllText(EmbeddingFile.IndexPath(path)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Streamed_tags_equal_the_offline_sliding_window(bool rawAt8k)
    {
        using var classifier = new ClipClassifier(_checkpoint, "cpu");
        var schedule = classifier.Schedule(hop: 10);
        var source = _wav;
        if (rawAt8k)
        {
            source = Path.Combine(_temp.Path, "clip8k.wav");
            WavWriter.Write(source, Chirp(8000, 2.37));
        }
        var offline = classifier.Classify(source, top: 3, hop: 10).Windows;

        var streamed = new List<WindowPrediction>();
        using (var file = File.OpenRead(source))
        {
            if (rawAt8k) file.Seek(44, SeekOrigin.Begin); // headerless s16le from here on
            var pcm = Audio.Streaming.PcmStream.Open(file, source, rawAt8k ? 8000 : null);
            StreamTagger.Run(classifier, pcm, schedule, 3, streamed.Add);
        }

        Assert.Equal(offline.Select(w => (w.StartSeconds, w.EndSeconds)), streamed.Select(w => (w.StartSeconds, w.EndSeconds)));
        Assert.True(offline.Count > 15, $"{offline.Count} windows");
        foreach (var (o, s) in offline.Zip(streamed))
        {
            Assert.Equal(o.Top.Select(t => t.Index), s.Top.Select(t => t.Index));
            foreach (var (a, b) in o.Top.Zip(s.Top)) Assert.InRange(b.Probability - a.Probability, -1e-4, 1e-4);
        }
    }

    [Fact]
    public void Windowed_eval_scores_each_clip_as_infer_does()
    {
        var datafile = Path.Combine(_temp.Path, "eval.json");
        File.WriteAllText(datafile, $$"""{"data": [{"wav": "{{_wav}}", "labels": "/m/b"}]}""");
        var result = Evaluation.ModelEvaluator.Evaluate(_checkpoint, datafile, new Evaluation.EvaluationOptions { Hop = 10, Device = "cpu", Workers = 1 });
        using var classifier = new ClipClassifier(_checkpoint, "cpu");
        var inferred = classifier.Classify(_wav, top: 3, hop: 10);
        Assert.True(inferred.Windows.Count > 15);
        Assert.Equal(inferred.Top.OrderBy(t => t.Index).Select(t => (float)t.Probability), result.Predictions.Scores);
        Assert.Equal([0f, 1f, 0f], result.Predictions.Targets);
    }

    public void Dispose() => _temp.Dispose();

    private static AudioClip Chirp(int rate, double seconds)
    {
        var frames = (int)(rate * seconds);
        var samples = new float[frames];
        for (var i = 0; i < frames; i++)
        {
            var t = i / (double)rate;
            samples[i] = (float)(0.05 + 0.5 * Math.Sin(2 * Math.PI * (150 + 600 * t) * t));
        }
        return new AudioClip(samples, 1, rate);
    }
}
