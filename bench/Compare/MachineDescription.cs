using System.Runtime.InteropServices;

namespace AstDsl.Bench.Compare;

/// <summary>What a comparison ran on: figures from another machine or another library build are not comparable.</summary>
/// <param name="Cpu">Model name from /proc/cpuinfo.</param>
/// <param name="LogicalCores">Processors the process may use.</param>
/// <param name="Flags">The instruction-set flags that decide matmul speed (avx2, avx512f, avx512_bf16, amx_*), as present.</param>
/// <param name="Os">Operating system.</param>
/// <param name="Dotnet">.NET runtime.</param>
/// <param name="TorchSharp">TorchSharp assembly version (libtorch is the one it ships with).</param>
/// <param name="LoadAverage">1-minute load average when the run started: above the core count, figures were measured under load.</param>
/// <param name="MklKernels">What MKL was told at start (<see cref="Torch.MklKernels"/>): its fp32 kernels differ 2x on AMD.</param>
public sealed record MachineDescription(string Cpu, int LogicalCores, IReadOnlyList<string> Flags, string Os, string Dotnet, string TorchSharp, double LoadAverage,
    Torch.MklKernelChoice MklKernels)
{
    private static readonly string[] Interesting = ["avx2", "fma", "avx512f", "avx512_vnni", "avx512_bf16", "amx_bf16", "amx_tile"];

    /// <summary>Describes this machine.</summary>
    public static MachineDescription Current()
    {
        var cpu = "unknown";
        var flags = new List<string>();
        if (File.Exists("/proc/cpuinfo"))
        {
            var lines = File.ReadLines("/proc/cpuinfo").ToList();
            cpu = lines.FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
            var present = (lines.FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal))?.Split(':', 2)[1] ?? "")
                .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            flags.AddRange(Interesting.Where(present.Contains));
        }
        var torchSharp = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "unknown";
        return new MachineDescription(cpu, Environment.ProcessorCount, flags, RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription, torchSharp, Timing.MachineLoad.OneMinute(), Torch.MklKernels.UseAvx512OnAmd());
    }
}
