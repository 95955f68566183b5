using static TorchSharp.torch;

namespace AstDsl.Audio.Data;

/// <summary>One batch: features (B, frames, mel bins) and targets (B, classes), float32 on the CPU. Owns both tensors.</summary>
public sealed class Batch : IDisposable
{
    /// <summary>Wraps the tensors of one batch.</summary>
    public Batch(Tensor features, Tensor targets, IReadOnlyList<int> indices, int number)
    {
        Features = features;
        Targets = targets;
        Indices = indices;
        Number = number;
    }

    /// <summary>(B, frames, mel bins) model inputs.</summary>
    public Tensor Features { get; }

    /// <summary>(B, classes) targets in [0, 1].</summary>
    public Tensor Targets { get; }

    /// <summary>Dataset index of each row.</summary>
    public IReadOnlyList<int> Indices { get; }

    /// <summary>0-based position of the batch in its epoch.</summary>
    public int Number { get; }

    /// <summary>Rows in the batch (smaller than the batch size for a last partial batch or after skipped clips).</summary>
    public int Size => Indices.Count;

    /// <summary>Frees both tensors.</summary>
    public void Dispose()
    {
        Features.Dispose();
        Targets.Dispose();
    }
}
