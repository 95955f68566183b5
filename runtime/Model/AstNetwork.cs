using static TorchSharp.torch;

namespace AstDsl.Model;

/// <summary>
/// What every Audio Spectrogram Transformer network offers, hand-written (<see cref="AstModel"/>) or generated from a
/// spec (<c>DemoNetwork</c>): log-mel frames (B, T, F) in, logits (B, labels) out, the pooled clip embedding, and the
/// official state-dict names (<c>v.*</c>, <c>mlp_head.*</c>), so checkpoints, transfer and training work with any of them.
/// </summary>
public abstract class AstNetwork : nn.Module<Tensor, Tensor>
{
    /// <summary>Registers the network under <paramref name="name"/> with the shape it is built for.</summary>
    protected AstNetwork(string name, AstOptions options) : base(name) => Options = options.Validate();

    /// <summary>The shape this network was built with.</summary>
    public AstOptions Options { get; }

    /// <summary>Logits (B, labels) for log-mel input (B, T, F).</summary>
    public override Tensor forward(Tensor frames)
    {
        using var pooled = Pool(frames);
        return Head(pooled);
    }

    /// <summary>The clip embedding (B, D) that feeds the head.</summary>
    public abstract Tensor Pool(Tensor frames);

    /// <summary>Applies only the classifier head (LayerNorm + Linear) to pooled embeddings (B, D).</summary>
    public abstract Tensor Head(Tensor pooled);

    /// <summary>Throws an <see cref="ArgumentException"/> a person can act on when <paramref name="frames"/> is not (B, T, F).</summary>
    protected void CheckInput(Tensor frames)
    {
        if (frames.dim() != 3 || frames.shape[1] != Options.InputTDim || frames.shape[2] != Options.InputFDim)
            throw new ArgumentException(
                $"AST input must be (batch, {Options.InputTDim} frames, {Options.InputFDim} mel bins); got ({string.Join(", ", frames.shape)}). " +
                "Pad or cut clips to the model's target length and use its number of mel bins.", nameof(frames));
    }
}
