namespace AstDsl.Contract;

/// <summary>
/// Everything that fixes the shape of an Audio Spectrogram Transformer. Defaults are the paper's AudioSet model
/// (base384, 128 mel bins x 1024 frames, 16 x 16 patches with stride 10 in both axes, grid position embeddings, no patchout).
/// Field names say which <c>model</c> key of the language sets them.
/// </summary>
public sealed record AstOptions
{
    /// <summary><c>size</c>: the preset named in the spec, or custom when width, depth or heads were overridden.</summary>
    public ModelSize Size { get; init; } = ModelSize.Base384;
    /// <summary>Number of output classes (label_dim).</summary>
    public int LabelCount { get; init; } = 527;
    /// <summary>Number of mel bins (input_fdim).</summary>
    public int InputFDim { get; init; } = 128;
    /// <summary>Number of frames (input_tdim).</summary>
    public int InputTDim { get; init; } = 1024;
    /// <summary>Patch extent along frequency in mel bins (SSAST's fshape; the official AST fixes 16).</summary>
    public int FPatch { get; init; } = 16;
    /// <summary>Patch extent along time in frames (SSAST's tshape; the official AST fixes 16).</summary>
    public int TPatch { get; init; } = 16;
    /// <summary>Patch stride along frequency (fstride).</summary>
    public int FStride { get; init; } = 10;
    /// <summary>Patch stride along time (tstride).</summary>
    public int TStride { get; init; } = 10;
    /// <summary>Embedding width D.</summary>
    public int Width { get; init; } = 768;
    /// <summary>Number of transformer blocks.</summary>
    public int Depth { get; init; } = 12;
    /// <summary>Attention heads per block; must divide <see cref="Width"/>.</summary>
    public int Heads { get; init; } = 12;
    /// <summary>MLP hidden width as a multiple of <see cref="Width"/>.</summary>
    public int MlpRatio { get; init; } = 4;
    /// <summary>True for DeiT-distilled (class + distillation token, pooled by their mean); false for a plain ViT (class token only).</summary>
    public bool DistillationToken { get; init; } = true;
    /// <summary>Dropout after adding position embeddings, after attention projection and inside the MLP.</summary>
    public double DropRate { get; init; }
    /// <summary>Dropout on attention weights.</summary>
    public double AttentionDropRate { get; init; }
    /// <summary><c>position</c>: one learned embedding per grid patch (official), or separate frequency and time embeddings (PaSST).</summary>
    public PositionKind Position { get; init; } = PositionKind.Grid;
    /// <summary><c>patchout</c>: which patches training drops after the position embeddings are added (PaSST); evaluation keeps all.</summary>
    public PatchoutOptions Patchout { get; init; } = new();
    /// <summary>Which implementation's numerical conventions the weights follow (LayerNorm epsilons).</summary>
    public WeightConvention Convention { get; init; } = WeightConvention.Official;

    /// <summary>LayerNorm epsilon inside the backbone (blocks and final norm): 1e-6 as timm, or HF's 1e-12.</summary>
    public double BackboneLayerNormEps => Convention == WeightConvention.HuggingFace ? HuggingFaceLayerNormEps : 1e-6;
    /// <summary>LayerNorm epsilon of the classifier head: PyTorch's default 1e-5 in the official code, or HF's 1e-12.</summary>
    public double HeadLayerNormEps => Convention == WeightConvention.HuggingFace ? HuggingFaceLayerNormEps : 1e-5;
    /// <summary>The <c>layer_norm_eps</c> of Hugging Face's ASTConfig, used by every LayerNorm of that model.</summary>
    public const double HuggingFaceLayerNormEps = 1e-12;

    /// <summary>Patch-grid rows (frequency): (F - fpatch) / fstride + 1, as the official get_shape.</summary>
    public int FDim => (InputFDim - FPatch) / FStride + 1;
    /// <summary>Patch-grid columns (time): (T - tpatch) / tstride + 1.</summary>
    public int TDim => (InputTDim - TPatch) / TStride + 1;
    /// <summary>Number of patch tokens.</summary>
    public int PatchCount => FDim * TDim;
    /// <summary>Number of leading special tokens (class, and distillation if enabled).</summary>
    public int SpecialTokenCount => DistillationToken ? 2 : 1;
    /// <summary>Sequence length seen by the transformer.</summary>
    public int TokenCount => PatchCount + SpecialTokenCount;
    /// <summary>Patch tokens a training step keeps after patchout (all of them without it).</summary>
    public int TrainingPatchCount => Patchout.KeptPatches(FDim, TDim);
    /// <summary>Patch-grid columns for an input of <paramref name="frames"/> frames (the model's own time stride and patch).</summary>
    public int TDimFor(int frames) => (frames - TPatch) / TStride + 1;
    /// <summary>Width of one attention head.</summary>
    public int HeadDim => Width / Heads;

    /// <summary>Options for one of the official backbone sizes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is <see cref="ModelSize.Custom"/>.</exception>
    public static AstOptions ForSize(ModelSize size, int labelCount)
    {
        var (width, depth, heads) = SizePresets.Of(size);
        return new AstOptions { Size = size, LabelCount = labelCount, Width = width, Depth = depth, Heads = heads };
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the language key of the first inconsistent field.</summary>
    public AstOptions Validate()
    {
        Require(LabelCount >= 1, "model.labels", "must be at least 1");
        Require(FPatch >= 1 && TPatch >= 1, "model.patch", "must be at least 1 x 1");
        Require(FStride >= 1 && TStride >= 1, "model.stride", "must be at least 1 x 1");
        Require(InputFDim >= FPatch, "features.mel_bins", $"({InputFDim}) is smaller than one patch ({FPatch})");
        Require(InputTDim >= TPatch, "features.target_length", $"({InputTDim}) is smaller than one patch ({TPatch})");
        Require(Width >= 1 && Depth >= 1 && Heads >= 1 && MlpRatio >= 1, "model.width, depth, heads and mlp_ratio", "must each be at least 1");
        Require(Width % Heads == 0, "model.heads", $"({Heads}) must divide model.width ({Width})");
        Require(DropRate is >= 0 and < 1 && AttentionDropRate is >= 0 and < 1, "model.dropout and attention_dropout", "must be in [0, 1)");
        Require(TrainingPatchCount >= 1, "model.patchout", $"drops every patch of the {FDim} x {TDim} grid");
        return this;
    }

    // Named by the spec keys: these errors reach users of `astc run` whose spec the checker let through.
    private static void Require(bool ok, string key, string message)
    {
        if (!ok) throw new ArgumentException($"{key} {message}.");
    }
}
