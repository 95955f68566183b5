using System.Runtime.InteropServices;
using AstDsl.Network;
using AstDsl.Training.Errors;
using AstDsl.Training.Loop;
using AstDsl.Training.Optimization;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace AstDsl.Training.Checkpoints;

/// <summary>A verified checkpoint in memory; restores its parts into live objects.</summary>
public sealed class LoadedCheckpoint
{
    private readonly IReadOnlyDictionary<string, byte[]> _sections;

    internal LoadedCheckpoint(string path, CheckpointHeader header, IReadOnlyDictionary<string, byte[]> sections)
    {
        Path = path;
        Header = header;
        _sections = sections;
        if (!sections.ContainsKey(TrainingCheckpoint.ModelSection))
            throw new NotACheckpointException(path, "it holds no model weights section");
    }

    /// <summary>The file it was read from.</summary>
    public string Path { get; }
    /// <summary>The parsed header.</summary>
    public CheckpointHeader Header { get; }
    /// <summary>How to rebuild and use the model.</summary>
    public ModelMetadata Metadata => Header.Metadata;
    /// <summary>Training progress; null for a weights-only checkpoint.</summary>
    public TrainingProgress? Progress => Header.Progress;
    /// <summary>Whether training can continue from it (it holds optimiser and RNG state).</summary>
    public bool IsResumable => Progress is not null && _sections.ContainsKey(TrainingCheckpoint.OptimizerSection);

    /// <summary>The weights as a state dict (CPU tensors, caller disposes).</summary>
    public Dictionary<string, Tensor> StateDict()
    {
        using var stream = new MemoryStream(_sections[TrainingCheckpoint.ModelSection], writable: false);
        return Safetensors.LoadStateDict(stream);
    }

    /// <summary>Copies the weights into <paramref name="model"/> (strict: every key must match).</summary>
    /// <exception cref="CheckpointShapeException">The checkpoint holds a model of another shape.</exception>
    public void RestoreModel(nn.Module model)
    {
        if (model is AstModel ast && !ModelShape.Same(Metadata.Model, ast.Options))
            throw new CheckpointShapeException(Path, Metadata.Model, "the model it is loaded into", ast.Options,
                "Use the spec that wrote it (the run's spec.yaml), or start a new run for the new shape.");
        var weights = StateDict();
        try
        {
            using var noGrad = no_grad();
            model.load_state_dict(weights, strict: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Same stored shape, intact file: the weight names are not those this build writes.
            throw new NotACheckpointException(Path, $"its weights do not fit the model ({e.Message}); it was written by another AstDsl build or for another model class");
        }
        finally
        {
            foreach (var t in weights.Values) t.Dispose();
        }
    }

    /// <summary>
    /// Writes the weights as a plain state dict for PyTorch users (<c>.safetensors</c>, or a <c>torch.save</c> zip for
    /// <c>.pth</c>/<c>.pt</c>), with the official AST key names, so <c>ASTModel.load_state_dict</c> accepts it.
    /// </summary>
    public void ExportWeights(string path)
    {
        var weights = StateDict();
        try
        {
            Network.Checkpoints.StateDictFile.Write(path, weights);
        }
        finally
        {
            foreach (var t in weights.Values) t.Dispose();
        }
    }

    /// <summary>A new <see cref="AstModel"/> of the stored shape with the stored weights, in eval mode.</summary>
    public AstModel CreateModel()
    {
        var model = new AstModel(Metadata.Model);
        RestoreModel(model);
        model.eval();
        return model;
    }

    /// <summary>Restores Adam/AdamW moments, step counts and parameter-group options into <paramref name="optimizer"/>.</summary>
    public void RestoreOptimizer(OptimizerHelper optimizer)
    {
        var saved = Require(TrainingCheckpoint.OptimizerSection);
        if (optimizer is GcSafeAdam adam)
        {
            adam.LoadStateDict(saved);
            return;
        }
        using var reader = new BinaryReader(new MemoryStream(saved, writable: false));
        optimizer.load_state_dict(reader);
    }

    /// <summary>Restores torch's global CPU generator, so dropout continues with the same random numbers.</summary>
    public void RestoreRng()
    {
        using var state = tensor(Require(TrainingCheckpoint.RngSection), dtype: ScalarType.Byte);
        random.set_rng_state(state);
    }

    /// <summary>The running sum of evaluation predictions for the checkpoint ensemble, if stored.</summary>
    public float[]? EnsembleSum() =>
        _sections.TryGetValue(TrainingCheckpoint.EnsembleSection, out var bytes) ? MemoryMarshal.Cast<byte, float>(bytes).ToArray() : null;

    private byte[] Require(string section) =>
        _sections.TryGetValue(section, out var bytes)
            ? bytes
            : throw new TrainingException($"checkpoint {Path} holds weights only (no '{section}' state); resume from the run's checkpoints/last.astckpt instead.");
}
