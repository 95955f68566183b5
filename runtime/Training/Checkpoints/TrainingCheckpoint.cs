using System.Runtime.InteropServices;
using AstDsl.Training.Loop;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace AstDsl.Training.Checkpoints;

/// <summary>Writes checkpoints: weights always (as a safetensors block, so they can be pulled out for PyTorch), and for a resumable one the optimiser, RNG and ensemble state.</summary>
public static class TrainingCheckpoint
{
    internal const string ModelSection = "model";
    internal const string OptimizerSection = "optimizer";
    internal const string RngSection = "rng";
    internal const string EnsembleSection = "ensemble";

    /// <summary>A checkpoint from which training continues exactly: weights, Adam moments and step counts, learning-rate schedule, RNG, progress.</summary>
    public static void SaveResumable(string path, nn.Module model, ModelMetadata metadata, TrainingProgress progress,
        OptimizerHelper optimizer, float[]? ensembleSum)
    {
        var sections = new List<(string, byte[])>
        {
            (ModelSection, WeightsBytes(model)),
            (OptimizerSection, OptimizerBytes(optimizer)),
            (RngSection, random.get_rng_state().data<byte>().ToArray()),
        };
        if (ensembleSum is not null) sections.Add((EnsembleSection, MemoryMarshal.AsBytes(ensembleSum.AsSpan()).ToArray()));
        CheckpointFile.Write(path, new CheckpointHeader { Metadata = metadata, Progress = progress }, sections);
    }

    /// <summary>A weights-only checkpoint (per-epoch, best, averaged): enough for evaluation, inference and weight averaging.</summary>
    public static void SaveWeights(string path, nn.Module model, ModelMetadata metadata) =>
        SaveWeights(path, model.state_dict(), metadata);

    /// <summary>A weights-only checkpoint from a state dict.</summary>
    public static void SaveWeights(string path, IReadOnlyDictionary<string, Tensor> stateDict, ModelMetadata metadata) =>
        CheckpointFile.Write(path, new CheckpointHeader { Metadata = metadata }, [(ModelSection, WeightsBytes(stateDict))]);

    /// <summary>Reads and verifies a checkpoint.</summary>
    /// <exception cref="Errors.NotACheckpointException">The file is not an AstDsl checkpoint (or one this build cannot read).</exception>
    /// <exception cref="Errors.CorruptCheckpointException">The file is an AstDsl checkpoint that is truncated or altered.</exception>
    public static LoadedCheckpoint Load(string path)
    {
        var (header, sections) = CheckpointFile.Read(path);
        return new LoadedCheckpoint(path, header, sections);
    }

    /// <summary>A weights-only checkpoint held in memory (for imported models), as if read from <paramref name="path"/>.</summary>
    internal static LoadedCheckpoint InMemory(string path, nn.Module model, ModelMetadata metadata) =>
        new(path, new CheckpointHeader { Metadata = metadata }, new Dictionary<string, byte[]> { [ModelSection] = WeightsBytes(model) });

    private static byte[] WeightsBytes(nn.Module model) => WeightsBytes(model.state_dict());

    private static byte[] WeightsBytes(IReadOnlyDictionary<string, Tensor> stateDict)
    {
        using var scope = NewDisposeScope();
        var cpu = stateDict.ToDictionary(kv => kv.Key, kv => kv.Value.detach().cpu().contiguous());
        using var stream = new MemoryStream();
        Safetensors.SaveStateDict(stream, cpu, leaveOpen: true);
        return stream.ToArray();
    }

    private static byte[] OptimizerBytes(OptimizerHelper optimizer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            optimizer.save_state_dict(writer);
        return stream.ToArray();
    }
}
