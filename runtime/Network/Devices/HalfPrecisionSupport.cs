using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Network.Devices;

/// <summary>
/// Whether 16-bit products pay off on a device. CUDA runs float16 natively; a CPU only runs bfloat16 fast with
/// AVX-512 BF16 or AMX instructions: without them libtorch 2.10 falls back to a slow bfloat16 GEMM (measured on an
/// AVX2-only AMD EPYC: a 1214 x 768 x 2304 Linear 4.7x slower than fp32, base384 inference 5x to 7x slower), so the
/// commands say so instead of leaving the user to wonder.
/// </summary>
public static class HalfPrecisionSupport
{
    private static readonly Lazy<bool> CpuHasBf16 = new(ReadCpuFlags);

    /// <summary>A one-line warning when <paramref name="precision"/> will be slower than fp32 on <paramref name="device"/>, or null.</summary>
    public static string? SlowdownWarning(Precision precision, Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (precision == Precision.Fp32 || device.type == DeviceType.CUDA || CpuHasBf16.Value) return null;
        return "this CPU has no bf16 instructions (avx512_bf16 or amx_bf16), so bf16 computes slower than fp32 here; " +
            "its results are still valid.";
    }

    // Linux lists the instruction sets in /proc/cpuinfo; elsewhere the answer is unknown and no warning is given.
    private static bool ReadCpuFlags()
    {
        const string CpuInfo = "/proc/cpuinfo";
        if (!File.Exists(CpuInfo)) return true;
        var flags = File.ReadLines(CpuInfo).FirstOrDefault(line => line.StartsWith("flags", StringComparison.Ordinal));
        return flags is null || flags.Split(' ').Any(flag => flag is "avx512_bf16" or "amx_bf16");
    }
}
