using AstDsl.Network.Modules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AstDsl.Network.Pretraining;

/// <summary>
/// The trunk of an AST with SSAST's pretraining parts: a learned mask embedding (<c>mask_embed</c>) that replaces
/// masked patch embeddings before the position embeddings are added, and two heads on the trunk's output at masked
/// positions, <c>cpredlayer</c> (discriminative: a vector matched against the clip's masked patches) and
/// <c>gpredlayer</c> (generative: the patch's pixels), each Linear(D, D), ReLU, Linear(D, patch pixels). The trunk
/// keeps the official name <c>v</c>, so a fine-tuning network takes its <c>v.*</c> weights. There is no classifier:
/// <see cref="Head"/> returns the pooled embedding itself.
/// </summary>
public sealed class MaskedPatchModel : TrunkNetwork
{
    private readonly Parameter mask_embed;
    private readonly Sequential cpredlayer;
    private readonly Sequential gpredlayer;

    /// <summary>Builds a freshly initialised trunk and pretraining heads of the given shape.</summary>
    public MaskedPatchModel(AstOptions options) : base(nameof(MaskedPatchModel), options)
    {
        // Learned rather than zero, after BEiT (SSAST notes both work); Xavier-normal as SSAST initialises it.
        mask_embed = new Parameter(nn.init.xavier_normal_(empty(1, 1, Options.Width)));
        var pixels = Options.FPatch * Options.TPatch;
        cpredlayer = PredictionHead(Options.Width, pixels);
        gpredlayer = PredictionHead(Options.Width, pixels);
        register_parameter(nameof(mask_embed), mask_embed);
        register_module(nameof(cpredlayer), cpredlayer);
        register_module(nameof(gpredlayer), gpredlayer);
    }

    /// <summary>No classifier in pretraining: the embedding is the output.</summary>
    public override Tensor Head(Tensor pooled)
    {
        ArgumentNullException.ThrowIfNull(pooled);
        return pooled.alias();
    }

    /// <summary>
    /// Patch outputs (B, patches, D) after the final LayerNorm when the patches where <paramref name="masked"/>
    /// (B, patches, bool) is true are replaced by the mask embedding: the trunk never sees their content.
    /// </summary>
    public Tensor EncodeMasked(Tensor frames, Tensor masked)
    {
        CheckInput(frames);
        ArgumentNullException.ThrowIfNull(masked);
        using var scope = NewDisposeScope();
        var patches = Backbone.EmbedPatches(SpectrogramTokens.Image(frames));
        var visible = where(masked.unsqueeze(-1), mask_embed.expand_as(patches), patches);
        var tokens = Backbone.Encode(visible, Options.Depth, finalNorm: true);
        return tokens[.., Options.SpecialTokenCount..].MoveToOuterDisposeScope();
    }

    /// <summary>The discriminative head on trunk outputs (..., D): vectors (..., patch pixels) matched against patches.</summary>
    public Tensor Discriminate(Tensor outputs) => cpredlayer.forward(outputs);

    /// <summary>The generative head on trunk outputs (..., D): reconstructed patch pixels (..., patch pixels).</summary>
    public Tensor Generate(Tensor outputs) => gpredlayer.forward(outputs);

    private static Sequential PredictionHead(int width, int pixels) => nn.Sequential(
        ("0", nn.Linear(width, width)), ("1", nn.ReLU()), ("2", nn.Linear(width, pixels)));
}
