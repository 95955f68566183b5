namespace AstDsl.Torch;

/// <summary>The process-wide native settings a program that computes with torch applies once, at start.</summary>
public static class TorchProcess
{
    /// <summary>
    /// Keeps freed tensor blocks for reuse (<see cref="TensorMemory"/>) and lets MKL take its AVX-512 kernels on AMD
    /// processors (<see cref="MklKernels"/>). Call it before the first tensor operation; astc, the benchmarks and the
    /// torch test projects do. Returns what MKL was told.
    /// </summary>
    public static MklKernelChoice Prepare()
    {
        TensorMemory.KeepFreedBlocks();
        return MklKernels.UseAvx512OnAmd();
    }
}
