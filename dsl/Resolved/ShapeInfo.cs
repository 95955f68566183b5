namespace AstDsl.Dsl.Resolved;

/// <summary>What <see cref="Inference.ShapeInference"/> derives from the model and features.</summary>
/// <param name="FDim">Patch rows: (F - fpatch) / fstride + 1.</param>
/// <param name="TDim">Patch columns: (T - tpatch) / tstride + 1.</param>
/// <param name="PatchCount">FDim x TDim.</param>
/// <param name="TokenCount">Sequence length: patches plus 2 (distilled) or 1 (cls) special tokens.</param>
/// <param name="ParameterCount">Trainable parameters.</param>
/// <param name="Flops">Forward FLOPs for one clip (2 per multiply-add; see dsl/README.md).</param>
public sealed record ShapeInfo(int FDim, int TDim, int PatchCount, int TokenCount, long ParameterCount, long Flops)
{
    /// <summary>Sequence length of a training step: what patchout keeps plus the special tokens (<see cref="TokenCount"/> without patchout).</summary>
    public int TrainingTokenCount { get; init; } = TokenCount;

    /// <summary>Forward FLOPs for one clip in a training step, on <see cref="TrainingTokenCount"/> tokens.</summary>
    public long TrainingFlops { get; init; } = Flops;
}
