using AstDsl.Torch;
using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Network.Tests;

/// <summary>The native torch library loads on this OS (the build weakens the shim's GLIBCXX need) and computes; the C heap keeps its freed blocks.</summary>
public sealed class TorchRuntimeTests
{
    [Fact]
    public void Torch_loads_and_multiplies_matrices()
    {
        using var a = tensor(new float[] { 1, 2, 3, 4 }).reshape(2, 2);
        using var b = tensor(new float[] { 5, 6, 7, 8 }).reshape(2, 2);
        using var product = matmul(a, b);
        Assert.Equal(new float[] { 19, 22, 43, 50 }, product.data<float>().ToArray());
    }

    [Fact]
    public void Mkl_takes_avx512_kernels_on_amd_and_they_multiply_correctly()
    {
        // The test assembly's module initializer asked first (tests/TorchProcessSetup.cs), before any product.
        var amdWithAvx512 = OperatingSystem.IsLinux() && System.Runtime.Intrinsics.X86.Avx512F.IsSupported
            && File.ReadLines("/proc/cpuinfo").Any(line => line.StartsWith("vendor_id", StringComparison.Ordinal) && line.EndsWith("AuthenticAMD", StringComparison.Ordinal));
        Assert.Equal(amdWithAvx512 ? MklKernelChoice.Avx512Unlocked : MklKernelChoice.NotNeeded, MklKernels.UseAvx512OnAmd());

        manual_seed(5);
        using var a = randn(300, 500);
        using var b = randn(500, 200);
        using var product = matmul(a, b);
        using var exact = matmul(a.to(ScalarType.Float64), b.to(ScalarType.Float64));
        var error = product.to(ScalarType.Float64).sub(exact).abs().max().item<double>();
        Assert.True(error < 1e-3, $"fp32 product differs from the float64 one by {error}"); // sums of 500 terms of order 1
    }

    [Fact]
    public void Freed_tensor_blocks_are_kept_by_glibc_on_linux()
    {
        // Debian's glibc accepts both mallopt settings; elsewhere the call is a reported no-op. Calling it twice is harmless.
        Assert.Equal(OperatingSystem.IsLinux(), TensorMemory.KeepFreedBlocks());
        Assert.Equal(OperatingSystem.IsLinux(), TensorMemory.KeepFreedBlocks());
    }
}
