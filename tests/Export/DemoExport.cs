using AstDsl.Audio.Wav;
using AstDsl.Network;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Experiments;
using static TorchSharp.torch;

namespace AstDsl.Export.Tests;

/// <summary>
/// A randomly initialised model of the demo run's shape (models/demo.ast: 64 mel bins x 500 frames, width 64, depth 2,
/// class token only, 10 labels) saved as an astc checkpoint, exported with its front end, and a 3 s test clip: what CI
/// runs the sample on, without training anything.
/// </summary>
public sealed class DemoExport : IDisposable
{
    public DemoExport(LossKind loss, string? directory = null)
    {
        Directory = directory ?? System.IO.Directory.CreateTempSubdirectory("astdsl-demo-onnx-").FullName;
        var options = new AstOptions
        {
            LabelCount = 10, InputFDim = 64, InputTDim = 500, Width = 64, Depth = 2, Heads = 4,
            FStride = 16, TStride = 16, DistillationToken = false,
        };
        var metadata = new ModelMetadata
        {
            Experiment = "demo",
            Model = options,
            Features = new FeatureSettings { MelBins = 64, TargetLength = 500, NormMean = -2.7086277, NormStd = 3.3542290 },
            Labels = Enumerable.Range(0, 10).Select(i => new LabelInfo(i, $"/demo/{i}", $"sound {i}")).ToArray(),
            Loss = loss,
        };
        manual_seed(11);
        using (var model = new AstModel(options))
            TrainingCheckpoint.SaveWeights(Checkpoint, model, metadata);
        OnnxExporter.ExportCheckpoint(Checkpoint, Onnx, frontEnd: true);
        WavWriter.Write(Wav, new AudioClip(Signal(3 * 16000), 1, 16000));
    }

    public string Directory { get; }
    public string Checkpoint => Path.Combine(Directory, "demo.astckpt");
    public string Onnx => Path.Combine(Directory, "demo.onnx");
    public string Wav => Path.Combine(Directory, "clip.wav");

    /// <summary>Two tones with a rising third and a little deterministic noise.</summary>
    public static float[] Signal(int samples)
    {
        var random = new Random(5);
        return Enumerable.Range(0, samples).Select(i =>
        {
            var t = i / 16000.0;
            return (float)(0.3 * Math.Sin(2 * Math.PI * 440 * t) + 0.2 * Math.Sin(2 * Math.PI * (300 + 400 * t) * t)
                           + 0.05 * (random.NextDouble() - 0.5));
        }).ToArray();
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
