using System.Reflection;
using AstDsl.Samples.TagWav;
using AstDsl.Tagging;
using AstDsl.Tagging.Torch;
using AstDsl.Training.Experiments;
using AstDsl.Training.Inference;
using Xunit;
using Xunit.Abstractions;

namespace AstDsl.Export.Tests;

/// <summary>
/// The ONNX-only tagger on a demo-shaped export: the same probabilities as <c>astc infer</c> (TorchSharp) on the same
/// clip, the right activation, the sample program's output, and clear messages for files it cannot run.
/// </summary>
public sealed class AudioTaggerTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(LossKind.Bce)]
    [InlineData(LossKind.Ce)]
    public void Onnx_tagger_gives_the_probabilities_of_astc_infer(LossKind loss)
    {
        using var demo = new DemoExport(loss);
        using var tagger = AudioTagger.Load(demo.Onnx);
        using var classifier = new ClipClassifier(demo.Checkpoint, "cpu");

        var onnx = tagger.Classify(demo.Wav, top: 10);
        var torch = classifier.Classify(demo.Wav, top: 10).Top;

        Assert.Equal(loss == LossKind.Bce, tagger.IsMultiLabel);
        Assert.Equal(torch.Select(t => t.Name), onnx.Select(t => t.Label));
        var diff = onnx.Zip(torch, (a, b) => Math.Abs(a.Score - b.Probability)).Max();
        output.WriteLine($"{loss}: max |onnx - torch| probability {diff:G3}");
        Assert.True(diff <= 1e-4, $"probabilities differ by {diff:G3}");
        if (loss == LossKind.Ce) Assert.Equal(1.0, onnx.Sum(t => t.Score), 4);
        Assert.Equal(64, tagger.Embed(demo.Wav).Length);
    }

    [Fact]
    public void Torch_and_onnx_taggers_agree_on_scores_and_embeddings_at_any_rate()
    {
        using var demo = new DemoExport(LossKind.Bce);
        using IAudioTagger onnx = AudioTagger.Load(demo.Onnx);
        using IAudioTagger torch = TorchAudioTagger.Load(demo.Checkpoint);
        var at44k = Resampler.Resample(DemoExport.Signal(2 * 16000), 16000, 44100);

        Assert.Equal(onnx.Labels, torch.Labels);
        Assert.Equal(onnx.IsMultiLabel, torch.IsMultiLabel);
        var scores = onnx.Scores(at44k, 44100).Zip(torch.Scores(at44k, 44100), (a, b) => Math.Abs(a - b)).Max();
        var embedding = onnx.Embed(demo.Wav).Zip(torch.Embed(demo.Wav), (a, b) => Math.Abs(a - b)).Max();
        output.WriteLine($"onnx vs torch tagger: scores {scores:G3}, embedding {embedding:G3}");
        Assert.True(scores <= 1e-4, $"scores differ by {scores:G3}");
        Assert.True(embedding <= 1e-4, $"embeddings differ by {embedding:G3}");
    }

    [Fact]
    public void Resampled_input_scores_like_the_same_clip_at_16_kHz()
    {
        using var demo = new DemoExport(LossKind.Bce);
        using var tagger = AudioTagger.Load(demo.Onnx);
        var clip = DemoExport.Signal(3 * 16000);
        var at16k = tagger.Scores(clip, 16000);
        var at48k = tagger.Scores(Resampler.Resample(clip, 16000, 48000), 48000);
        var diff = at16k.Zip(at48k, (a, b) => Math.Abs(a - b)).Max();
        output.WriteLine($"48 kHz round trip: max probability change {diff:G3}");
        Assert.True(diff <= 1e-2, $"resampled input changed a probability by {diff:G3}");
    }

    [Fact]
    public void Sample_program_prints_the_top_labels()
    {
        using var demo = new DemoExport(LossKind.Bce);
        using var tagger = AudioTagger.Load(demo.Onnx);
        var expected = tagger.Classify(demo.Wav, top: 3).Select(t => $"{t.Label}\t{t.Score:F4}");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = TagWavProgram.Run([demo.Onnx, demo.Wav, "3"], stdout, stderr);

        Assert.Equal(0, code);
        Assert.Equal("", stderr.ToString());
        Assert.Equal(expected, stdout.ToString().TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void Checkpoint_and_feature_only_models_are_refused_with_the_export_command()
    {
        using var demo = new DemoExport(LossKind.Bce);
        var checkpoint = Assert.Throws<InvalidDataException>(() => AudioTagger.Load(demo.Checkpoint));
        Assert.Equal(
            $"{demo.Checkpoint} is an astc checkpoint or run; this package runs ONNX models without libtorch. Export it first: astc export {demo.Checkpoint} --onnx model.onnx --frontend",
            checkpoint.Message);

        var featuresOnly = Path.Combine(demo.Directory, "features.onnx");
        OnnxExporter.ExportCheckpoint(demo.Checkpoint, featuresOnly, frontEnd: false);
        var noFrontEnd = Assert.Throws<InvalidDataException>(() => AudioTagger.Load(featuresOnly));
        Assert.Equal(
            $"{featuresOnly} was exported without its front end (its input is 'features'); export it again with: astc export RUN --onnx features.onnx --frontend",
            noFrontEnd.Message);
    }

    [Fact]
    public void Metadata_carries_labels_activation_and_front_end()
    {
        using var demo = new DemoExport(LossKind.Ce);
        using var session = new Microsoft.ML.OnnxRuntime.InferenceSession(demo.Onnx);
        var meta = session.ModelMetadata.CustomMetadataMap;
        Assert.Equal("""["sound 0","sound 1","sound 2","sound 3","sound 4","sound 5","sound 6","sound 7","sound 8","sound 9"]""", meta[OnnxMetadataKeys.Labels]);
        Assert.Equal("softmax", meta[OnnxMetadataKeys.Activation]);
        Assert.Equal("16000", meta[OnnxMetadataKeys.SampleRate]);
        Assert.Equal("64", meta[OnnxMetadataKeys.MelBins]);
        Assert.Equal("500", meta[OnnxMetadataKeys.TargetLength]);
        Assert.Equal("-2.7086277", meta[OnnxMetadataKeys.NormMean]);
        Assert.Equal("3.354229", meta[OnnxMetadataKeys.NormStd]);
        Assert.Equal("hanning", meta[OnnxMetadataKeys.Window]);
        Assert.Equal(["waveform"], session.InputMetadata.Keys);
        Assert.Equal(["features", "logits", "embedding"], session.OutputMetadata.Keys);
    }

    [Fact]
    public void Onnx_only_package_does_not_depend_on_TorchSharp()
    {
        var references = typeof(AudioTagger).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.DoesNotContain(references, n => n.StartsWith("TorchSharp", StringComparison.Ordinal) || n.StartsWith("AstDsl", StringComparison.Ordinal));

        // The restored dependency closure of the package (every transitive package and project).
        var assets = Path.Combine(RepoRoot(), "runtime", "Tagging", "obj", "project.assets.json");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(assets));
        var libraries = json.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains(libraries, l => l.StartsWith("Microsoft.ML.OnnxRuntime/", StringComparison.Ordinal));
        Assert.DoesNotContain(libraries, l => l.Contains("TorchSharp", StringComparison.OrdinalIgnoreCase) || l.Contains("libtorch", StringComparison.OrdinalIgnoreCase));
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AstDsl.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("AstDsl.sln not found above " + AppContext.BaseDirectory);
    }
}
