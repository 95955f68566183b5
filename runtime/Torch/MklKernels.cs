using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace AstDsl.Torch;

/// <summary>What <see cref="MklKernels.UseAvx512OnAmd"/> did.</summary>
public enum MklKernelChoice
{
    /// <summary>MKL will take its AVX-512 kernels on this AMD processor.</summary>
    Avx512Unlocked,

    /// <summary>Nothing to do: not an AMD processor with AVX-512 (MKL already chooses well), or not Linux x64.</summary>
    NotNeeded,

    /// <summary>Left as MKL decides: the environment variable <see cref="MklKernels.KeepVariable"/> asks for it.</summary>
    KeptByRequest,

    /// <summary>Left as MKL decides: this libtorch's MKL is not the build whose vendor test is known.</summary>
    UnknownBuild,

    /// <summary>Too late: MKL already ran and chose its kernels for this process.</summary>
    AlreadyChosen,
}

/// <summary>Lets the MKL inside libtorch run its AVX-512 kernels on AMD processors that have AVX-512.</summary>
/// <remarks>
/// MKL tests the CPU vendor before the instruction sets: on an AMD processor it runs a generic code path even where the
/// processor has AVX-512 (MKL_VERBOSE names "Intel(R) Architecture processors" instead of "AVX-512"), and libtorch
/// computes float32 matrix products with MKL. Measured on this project's AMD EPYC (AVX-512, 2 threads): a 1024^3 fp32
/// matmul at 150 GFLOPS, 330 with the AVX-512 kernels; base384 fp32 inference 0.58 -> 1.11 clips/s. The vendor test,
/// <c>mkl_serv_intel_cpu_true</c>, keeps its answer in a static int that holds -1 until first asked; writing 1 there
/// before the first matrix product is the in-process form of the widely used LD_PRELOAD "fakeintel" library. The
/// function's code is checked to be that test (load the cached int, return it unless negative) before anything is
/// written, so another libtorch build is left alone. The kernels compute the same products (golden parity holds).
/// </remarks>
public static class MklKernels
{
    /// <summary>Set this environment variable to 1 to leave MKL's own choice alone.</summary>
    public const string KeepVariable = "ASTDSL_KEEP_MKL_CHOICE";

    private const string VendorTest = "mkl_serv_intel_cpu_true";
    private const int NotYetAsked = -1;

    private static readonly Lazy<MklKernelChoice> Choice = new(Choose);

    /// <summary>
    /// Makes MKL take its AVX-512 kernels on an AMD processor with AVX-512; call it before the process's first matrix
    /// product (part of <see cref="TorchProcess.Prepare"/>). Later calls return the first call's outcome.
    /// </summary>
    public static MklKernelChoice UseAvx512OnAmd() => Choice.Value;

    private static MklKernelChoice Choose()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64 || !IsAmd() || !Avx512F.IsSupported)
            return MklKernelChoice.NotNeeded;
        if (Environment.GetEnvironmentVariable(KeepVariable) == "1") return MklKernelChoice.KeptByRequest;
        // TorchSharp loads libtorch on its first use; the same soname then resolves to the loaded library.
        _ = TorchSharp.torch.get_num_threads();
        if (!NativeLibrary.TryLoad("libtorch_cpu.so", out var library) || !NativeLibrary.TryGetExport(library, VendorTest, out var test))
            return MklKernelChoice.UnknownBuild;
        if (CachedAnswer(test) is not { } answer) return MklKernelChoice.UnknownBuild;
        if (Marshal.ReadInt32(answer) != NotYetAsked) return MklKernelChoice.AlreadyChosen;
        Marshal.WriteInt32(answer, 1);
        return MklKernelChoice.Avx512Unlocked;
    }

    // The test begins "mov eax, [rip + d32]; test eax, eax; js" (8B 05 d32, 85 C0, 78): its cached answer is at the
    // address after the mov plus d32.
    private static IntPtr? CachedAnswer(IntPtr test)
    {
        byte[] expected = [0x8B, 0x05, 0, 0, 0, 0, 0x85, 0xC0, 0x78];
        for (var i = 0; i < expected.Length; i++)
            if (i is < 2 or > 5 && Marshal.ReadByte(test, i) != expected[i]) return null;
        return test + 6 + Marshal.ReadInt32(test, 2);
    }

    private static bool IsAmd()
    {
        var (_, ebx, ecx, edx) = X86Base.CpuId(0, 0);
        return (ebx, edx, ecx) == (0x68747541, 0x69746E65, 0x444D4163); // "Auth" "enti" "cAMD"
    }
}
