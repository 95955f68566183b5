namespace AstDsl.Network.Tests;

/// <summary>A model small enough for many forward passes: 32 mel bins x 64 frames, 8 x 8 patches with stride 8 (a 4 x 8 grid), class token only.</summary>
internal static class TinyGrid
{
    public static AstOptions Options { get; } = new()
    {
        LabelCount = 3, InputFDim = 32, InputTDim = 64, FPatch = 8, TPatch = 8, FStride = 8, TStride = 8,
        Width = 16, Depth = 1, Heads = 2, DistillationToken = false,
    };
}
