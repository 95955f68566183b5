using static TorchSharp.torch;

namespace AstDsl.Training.Data;

/// <summary>One batch: model inputs (B, T, F) and targets (B, C). Disposing frees both tensors.</summary>
public sealed record TrainingBatch(Tensor Features, Tensor Targets) : IDisposable
{
    /// <summary>Number of clips in the batch.</summary>
    public int Size => (int)Features.shape[0];

    /// <summary>Frees both tensors.</summary>
    public void Dispose()
    {
        Features.Dispose();
        Targets.Dispose();
    }
}
