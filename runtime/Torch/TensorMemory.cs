using System.Runtime.InteropServices;

namespace AstDsl.Torch;

/// <summary>How this process's C heap treats the large blocks libtorch allocates for CPU tensors.</summary>
/// <remarks>
/// glibc serves a block above its mmap threshold (dynamic, at most 32 MB) with fresh pages and unmaps it on free,
/// and trims the top of the heap above 128 KB: every large temporary (base384's attention scores are 70 MB, an MLP
/// activation at batch 4 is 60 MB) then pays one page fault per 4 KB page each time it is written. Measured on this
/// project's 2-core machine: a bfloat16 q.kᵀ over 12 heads x 1214 tokens took 73 ms, and 4.3 ms with freed blocks
/// kept; base384 bf16 inference went from 1.10 to 1.25 clips/s. The price is that memory freed by torch stays in the
/// process for reuse: its resident size holds at its peak instead of falling back.
/// </remarks>
public static class TensorMemory
{
    // mallopt parameters of glibc's malloc.h.
    private const int TrimThreshold = -1;
    private const int MmapThreshold = -3;
    private const int KeepBelowBytes = 1 << 30;

    /// <summary>
    /// Keeps freed blocks of up to 1 GiB in the heap for reuse instead of returning them to the kernel (part of
    /// <see cref="TorchProcess.Prepare"/>); false where the C library has no glibc <c>mallopt</c> (it then changes nothing).
    /// </summary>
    public static bool KeepFreedBlocks()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return Mallopt(MmapThreshold, KeepBelowBytes) == 1 && Mallopt(TrimThreshold, KeepBelowBytes) == 1;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int Mallopt(int parameter, int value);
}
