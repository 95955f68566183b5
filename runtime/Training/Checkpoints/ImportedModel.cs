using AstDsl.Network;

namespace AstDsl.Training.Checkpoints;

/// <summary>A model built from a foreign checkpoint, with the metadata an .astckpt would carry.</summary>
/// <param name="Model">The network with the imported weights, in eval mode.</param>
/// <param name="Metadata">Shape, features, labels, activation and the notes on what was derived or assumed.</param>
public sealed record ImportedModel(AstModel Model, ModelMetadata Metadata) : IDisposable
{
    /// <summary>Frees the network.</summary>
    public void Dispose() => Model.Dispose();
}
