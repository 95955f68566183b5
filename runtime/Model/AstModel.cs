using AstDsl.Model.Modules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AstDsl.Model;

/// <summary>
/// The Audio Spectrogram Transformer. Input: log-mel frames (B, T, F) as the official dataloader returns them;
/// output: logits (B, labels). State-dict keys equal the official <c>ASTModel</c>'s (<c>v.*</c>, <c>mlp_head.*</c>),
/// so checkpoints move both ways.
/// </summary>
public sealed class AstModel : nn.Module<Tensor, Tensor>
{
    private readonly AstBackbone v;
    private readonly Sequential mlp_head;

    /// <summary>Builds a freshly initialised model of the given shape.</summary>
    public AstModel(AstOptions options) : base(nameof(AstModel))
    {
        Options = options.Validate();
        v = new AstBackbone(options);
        mlp_head = nn.Sequential(
            ("0", nn.LayerNorm(options.Width, eps: options.HeadLayerNormEps)),
            ("1", nn.Linear(options.Width, options.LabelCount)));
        register_module(nameof(v), v);
        register_module(nameof(mlp_head), mlp_head);
    }

    /// <summary>The shape this model was built with.</summary>
    public AstOptions Options { get; }

    /// <summary>Logits (B, labels) for log-mel input (B, T, F).</summary>
    public override Tensor forward(Tensor frames)
    {
        using var pooled = Pool(frames);
        return Head(pooled);
    }

    /// <summary>
    /// The clip embedding (B, D) that feeds the head: the mean of the class and distillation token outputs after the
    /// final LayerNorm, or the class token alone for a plain ViT.
    /// </summary>
    public Tensor Pool(Tensor frames)
    {
        using var tokens = Tokens(frames);
        return PoolTokens(tokens);
    }

    /// <summary>
    /// Token outputs (B, special + patches, D) for log-mel input (B, T, F): after the final LayerNorm (what
    /// <see cref="Pool"/> pools), or with <paramref name="layer"/> = N the raw output of transformer block N (1-based).
    /// </summary>
    public Tensor Tokens(Tensor frames, int? layer = null)
    {
        CheckInput(frames);
        if (layer is { } n && (n < 1 || n > Options.Depth))
            throw new ArgumentException($"layer {n}: this model has blocks 1 to {Options.Depth}.", nameof(layer));
        using var image = frames.unsqueeze(1);
        // (B, T, F) -> (B, 1, F, T): image height is frequency, width is time, as the official forward.
        using var transposed = image.transpose(2, 3);
        return layer is { } block ? v.Tokens(transposed, block, finalNorm: false) : v.forward(transposed);
    }

    /// <summary>The pooling of the head input applied to tokens (B, S, D): the class and distillation token mean, or the class token.</summary>
    public Tensor PoolTokens(Tensor tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        using var scope = NewDisposeScope();
        // A mean over the token axis rather than "/ 2": no managed Scalar temporaries on the hot path.
        var pooled = Options.DistillationToken ? tokens[.., ..2].mean(new long[] { 1 }) : tokens[.., 0];
        return pooled.MoveToOuterDisposeScope();
    }

    /// <summary>Applies only the classifier head (LayerNorm + Linear) to pooled embeddings (B, D).</summary>
    public Tensor Head(Tensor pooled)
    {
        using var scope = NewDisposeScope();
        return mlp_head.forward(pooled).MoveToOuterDisposeScope();
    }

    private void CheckInput(Tensor frames)
    {
        if (frames.dim() != 3 || frames.shape[1] != Options.InputTDim || frames.shape[2] != Options.InputFDim)
            throw new ArgumentException(
                $"AST input must be (batch, {Options.InputTDim} frames, {Options.InputFDim} mel bins); got ({string.Join(", ", frames.shape)}). " +
                "Pad or cut clips to the model's target length and use its number of mel bins.");
    }
}
