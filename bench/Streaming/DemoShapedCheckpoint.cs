using AstDsl.Network;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Experiments;

namespace AstDsl.Bench.Streaming;

/// <summary>
/// A temporary checkpoint of models/demo.ast's shape (64 mel bins x 500 frames, width 64, depth 2, 16 x 16 patches, 10
/// labels) with random weights: the cost of a window does not depend on what the weights learned.
/// </summary>
internal sealed class DemoShapedCheckpoint : IDisposable
{
    public DemoShapedCheckpoint()
    {
        var metadata = new ModelMetadata
        {
            Experiment = "demo-shaped",
            Model = new AstOptions { LabelCount = 10, InputFDim = 64, InputTDim = 500, FStride = 16, TStride = 16, Width = 64, Depth = 2, Heads = 4, DistillationToken = false },
            Features = new FeatureSettings { MelBins = 64, TargetLength = 500, NormMean = -2.7086277, NormStd = 3.3542290 },
            Loss = LossKind.Bce,
        };
        using var model = new AstModel(metadata.Model);
        TrainingCheckpoint.SaveWeights(Path, model, metadata);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"astdsl-bench-{Environment.ProcessId}.astckpt");

    public void Dispose() => File.Delete(Path);
}
