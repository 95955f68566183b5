namespace AstDsl.Dsl.Resolved;

/// <summary>Network shape, defaults as the paper's AudioSet model (base384, distilled, 16x16 patches, stride 10x10).</summary>
/// <param name="Size">Backbone preset (tiny224, small224, base224, base384), or custom when width, depth or heads differ from it.</param>
/// <param name="Width">Embedding width (preset's unless overridden).</param>
/// <param name="Depth">Transformer blocks.</param>
/// <param name="Heads">Attention heads.</param>
/// <param name="MlpRatio">MLP hidden width / width.</param>
/// <param name="PatchSize">Square patch side.</param>
/// <param name="FStride">Frequency stride.</param>
/// <param name="TStride">Time stride.</param>
/// <param name="InputFDim">Mel bins seen by the model.</param>
/// <param name="InputTDim">Frames seen by the model.</param>
/// <param name="DistillationToken">True for class + distillation tokens, false for class token only.</param>
/// <param name="LabelCount">Output classes.</param>
/// <param name="DropRate">Dropout rate.</param>
/// <param name="AttentionDropRate">Attention dropout rate.</param>
public sealed record ModelSpec(
    string Size, int Width, int Depth, int Heads, int MlpRatio, int PatchSize, int FStride, int TStride,
    int InputFDim, int InputTDim, bool DistillationToken, int LabelCount, double DropRate, double AttentionDropRate);
