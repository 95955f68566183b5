namespace AstDsl.Dsl.Resolved;

/// <summary>What <see cref="Inference.ShapeInference"/> derives from the model and features.</summary>
/// <param name="FDim">Patch rows: (F - patch) / fstride + 1.</param>
/// <param name="TDim">Patch columns: (T - patch) / tstride + 1.</param>
/// <param name="PatchCount">FDim x TDim.</param>
/// <param name="TokenCount">Sequence length: patches plus 2 (distilled) or 1 (cls) special tokens.</param>
/// <param name="ParameterCount">Trainable parameters.</param>
/// <param name="Flops">Forward FLOPs for one clip (2 per multiply-add; see dsl/README.md).</param>
public sealed record ShapeInfo(int FDim, int TDim, int PatchCount, int TokenCount, long ParameterCount, long Flops);
