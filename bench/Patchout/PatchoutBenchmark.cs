using AstDsl.Bench.Timing;
using static TorchSharp.torch;

namespace AstDsl.Bench.Patchout;

/// <summary>The "patchout" command: <see cref="PatchoutSpeedup"/> with options from the command line.</summary>
public sealed class PatchoutBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "patchout";

    /// <inheritdoc />
    public string Usage => "[--size tiny224] [--frames 1024] [--batch 4] [--warmup 1] [--repeats 5] [--threads 2]";

    /// <inheritdoc />
    public object Run(BenchArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        set_num_threads(arguments.Int("threads", Environment.ProcessorCount));
        var size = Enum.Parse<ModelSize>(arguments.Text("size", "tiny224"), ignoreCase: true);
        return PatchoutSpeedup.Run(size, arguments.Int("frames", 1024), arguments.Int("batch", 4), arguments.Int("warmup", 1), arguments.Int("repeats", 5));
    }
}
