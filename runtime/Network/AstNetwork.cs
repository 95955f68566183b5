using TorchSharp;
using AstDsl.Network.Modules;
using static TorchSharp.torch;

namespace AstDsl.Network;

/// <summary>
/// What every Audio Spectrogram Transformer network offers, hand-written (<see cref="AstModel"/>) or generated from a
/// spec (<c>DemoNetwork</c>): log-mel frames (B, T, F) in, logits (B, labels) out, the pooled clip embedding, the
/// token outputs of any block, and the official state-dict names (<c>v.*</c>, <c>mlp_head.*</c>), so checkpoints,
/// transfer, training and embedding work with any of them.
/// </summary>
public abstract class AstNetwork : nn.Module<Tensor, Tensor>
{
    /// <summary>Registers the network under <paramref name="name"/> with the shape it is built for.</summary>
    protected AstNetwork(string name, AstOptions options) : base(name) => Options = options.Validate();

    /// <summary>The shape this network was built with.</summary>
    public AstOptions Options { get; }

    /// <summary>
    /// The arithmetic of the network's products: <c>Precision.Use(Precision.Bf16)</c> computes them in bfloat16
    /// (float16 on CUDA) from float32 weights (see <see cref="MixedPrecision"/>).
    /// </summary>
    public MixedPrecision Precision => Backbone.Precision;

    /// <summary>While training, recompute each transformer block's activations in the backward pass instead of keeping them.</summary>
    public bool GradientCheckpointing
    {
        get => Backbone.GradientCheckpointing;
        set => Backbone.GradientCheckpointing = value;
    }

    /// <summary>
    /// Moves the network to <paramref name="device"/> for inference in <paramref name="precision"/>. The weights are
    /// promised fixed from here on, so their 16-bit casts are made once (<see cref="MixedPrecision.Use"/>).
    /// </summary>
    public void PlaceForInference(Device device, Contract.Precision precision)
    {
        this.to(device);
        Precision.Use(precision, frozenWeights: true);
    }

    /// <summary>The DeiT/ViT trunk, registered as <c>v</c> by the derived network.</summary>
    protected abstract AstBackbone Backbone { get; }

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

    /// <summary>
    /// Token outputs (B, special + patches, D) for log-mel input (B, T, F): after the final LayerNorm (what
    /// <see cref="Pool"/> pools), or with <paramref name="layer"/> = N the raw output of transformer block N (1-based).
    /// </summary>
    public Tensor Tokens(Tensor frames, int? layer = null)
    {
        CheckInput(frames);
        if (layer is { } n && (n < 1 || n > Options.Depth))
            throw new ArgumentException($"layer {n}: this model has blocks 1 to {Options.Depth}.", nameof(layer));
        using var scope = NewDisposeScope();
        var image = SpectrogramTokens.Image(frames);
        var tokens = layer is { } block ? Backbone.Tokens(image, block, finalNorm: false) : Backbone.forward(image);
        return tokens.MoveToOuterDisposeScope();
    }

    /// <summary>The pooling of the head input applied to tokens (B, S, D): the class and distillation token mean, or the class token.</summary>
    public Tensor PoolTokens(Tensor tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        using var scope = NewDisposeScope();
        var pooled = Options.DistillationToken ? SpectrogramTokens.ClassAndDistillationMean(tokens) : SpectrogramTokens.ClassToken(tokens);
        return pooled.MoveToOuterDisposeScope();
    }

    /// <summary>The most frames one forward takes: any length with grid positions (adapted as the official code), the trained length with frequency/time positions.</summary>
    public int MaxFrames => Options.Position == PositionKind.Grid ? int.MaxValue : Options.InputTDim;

    /// <summary>
    /// Whether a clip of <paramref name="frames"/> frames is given to the model at its own length rather than padded or cut
    /// to the trained one (<c>astc infer</c>, <c>astc eval</c>). Frequency/time positions describe a shorter clip exactly
    /// (PaSST's inference); grid positions were trained on padded clips only, so those keep the padding rather than an
    /// adapted grid the model never saw.
    /// </summary>
    public bool RunsAtOwnLength(long frames) => TakesShortClips && frames >= Options.TPatch && frames <= MaxFrames;

    /// <summary>Whether clips shorter than the trained length run at their own length (see <see cref="RunsAtOwnLength"/>).</summary>
    public bool TakesShortClips => Options.Position == PositionKind.FreqTime;

    /// <summary>
    /// Throws an <see cref="ArgumentException"/> a person can act on when <paramref name="frames"/> is not (B, T, F) with the
    /// model's mel bins and T between one patch and <see cref="MaxFrames"/>. Other lengths than the trained one are
    /// allowed: the position embeddings follow the clip (see <see cref="PatchPositions"/>).
    /// </summary>
    protected void CheckInput(Tensor frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.dim() != 3 || frames.shape[2] != Options.InputFDim || frames.shape[1] < Options.TPatch || frames.shape[1] > MaxFrames)
            throw new ArgumentException(
                $"AST input must be (batch, {Options.TPatch} to {(MaxFrames == int.MaxValue ? "any number of" : MaxFrames.ToString(System.Globalization.CultureInfo.InvariantCulture))} frames " +
                $"(trained on {Options.InputTDim}), {Options.InputFDim} mel bins); got ({string.Join(", ", frames.shape)}). " +
                "Use the model's number of mel bins, and cut longer clips into windows of the trained length.", nameof(frames));
    }
}
