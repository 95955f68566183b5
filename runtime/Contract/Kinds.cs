namespace AstDsl.Contract;

/// <summary>Source of the initial weights (<c>model.pretrain</c>).</summary>
public enum PretrainKind
{
    /// <summary>Random initialisation.</summary>
    None,
    /// <summary>A timm DeiT/ViT ImageNet state dict (.pth or .safetensors), transferred as in the paper.</summary>
    ImageNet,
    /// <summary>An official AST AudioSet checkpoint (base384, 12x101 grid), adapted to the new input and label count.</summary>
    AudioSet,
    /// <summary>A self-supervised (SSAST masked patch modeling) checkpoint written by a pretraining spec; the trunk is copied.</summary>
    Ssl,
}

/// <summary>What to do with an unreadable audio file (<c>data.on_bad_file</c>).</summary>
public enum BadFilePolicy
{
    /// <summary>Stop with an error naming the file.</summary>
    Fail,
    /// <summary>Leave the clip out, count it and report its path at the end.</summary>
    Skip,
}

/// <summary>Loss function (<c>train.loss</c>).</summary>
public enum LossKind
{
    /// <summary>Binary cross-entropy with logits (multi-label, AudioSet).</summary>
    Bce,
    /// <summary>Cross-entropy on argmax targets (single-label, ESC-50, Speech Commands).</summary>
    Ce,
}

/// <summary>Optimiser (<c>train.optimizer</c>).</summary>
public enum OptimizerKind
{
    /// <summary>Adam with L2 weight decay, as the official code.</summary>
    Adam,
    /// <summary>Adam with decoupled weight decay.</summary>
    AdamW,
}

/// <summary>Learning-rate schedule after warm-up (<c>train.schedule</c>).</summary>
public enum ScheduleKind
{
    /// <summary>Constant learning rate.</summary>
    Constant,
    /// <summary>Multiply by gamma every step epochs from start on (official MultiStepLR use).</summary>
    MultiStep,
    /// <summary>Reduce on plateau of the main metric.</summary>
    Plateau,
}

/// <summary>Fbank analysis window (<c>features.window</c>).</summary>
public enum WindowKind
{
    /// <summary>Hann window (the official dataloader's).</summary>
    Hanning,
    /// <summary>Hamming window.</summary>
    Hamming,
    /// <summary>Kaldi's povey window.</summary>
    Povey,
}

/// <summary>Backbone size (<c>model.size</c>): the DeiT/ViT sizes of the official code, or custom.</summary>
public enum ModelSize
{
    /// <summary>DeiT-tiny, 224 px pretraining: width 192, depth 12, 3 heads.</summary>
    Tiny224,
    /// <summary>DeiT-small, 224 px pretraining: width 384, depth 12, 6 heads.</summary>
    Small224,
    /// <summary>DeiT-base, 224 px pretraining: width 768, depth 12, 12 heads.</summary>
    Base224,
    /// <summary>DeiT-base, 384 px pretraining (the paper's model): width 768, depth 12, 12 heads.</summary>
    Base384,
    /// <summary>Width, depth or heads differ from every preset.</summary>
    Custom,
}

/// <summary>Position embeddings of the patch tokens (<c>model.position</c>).</summary>
public enum PositionKind
{
    /// <summary>One learned embedding per patch of the grid, <c>v.pos_embed</c> (official AST); other lengths adapt it as the official <c>input_tdim</c> code.</summary>
    Grid,
    /// <summary>
    /// Separate learned frequency and time embeddings added together (PaSST: <c>v.freq_new_pos_embed</c>,
    /// <c>v.time_new_pos_embed</c>, <c>v.new_pos_embed</c> for the special tokens); shorter clips use the first time embeddings.
    /// </summary>
    FreqTime,
}

/// <summary>Which patches training drops (<c>model.patchout</c>, PaSST).</summary>
public enum PatchoutKind
{
    /// <summary>Every patch is kept.</summary>
    None,
    /// <summary>Whole frequency rows and time columns are dropped.</summary>
    Structured,
    /// <summary>A share of single patches is dropped.</summary>
    Unstructured,
}

/// <summary>
/// Arithmetic of the matrix products (<c>train.precision</c>, <c>--precision</c>). Weights, optimiser state and
/// checkpoints stay fp32 either way.
/// </summary>
public enum Precision
{
    /// <summary>Everything in float32.</summary>
    Fp32,
    /// <summary>
    /// Linear, attention and convolution in bfloat16 (float16 on CUDA) from fp32 master weights; LayerNorm, the
    /// residual stream, the head and the loss stay float32.
    /// </summary>
    Bf16,
}
