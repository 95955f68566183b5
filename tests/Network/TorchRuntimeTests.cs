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
    public void Freed_tensor_blocks_are_kept_by_glibc_on_linux()
    {
        // Debian's glibc accepts both mallopt settings; elsewhere the call is a reported no-op. Calling it twice is harmless.
        Assert.Equal(OperatingSystem.IsLinux(), AstDsl.Torch.TensorMemory.KeepFreedBlocks());
        Assert.Equal(OperatingSystem.IsLinux(), AstDsl.Torch.TensorMemory.KeepFreedBlocks());
    }
}
