using AstDsl.Bench.Timing;
using static TorchSharp.torch;

namespace AstDsl.Bench.Patchout;

/// <summary>The "patchout" command: <see cref="PatchoutSpeedup"/> with options from the command line.</summary>
public sealed class PatchoutBenchmark : IBenchmark
{
    private static readonly BenchOption<ModelSize> Size = BenchOption.Name("size", ModelSize.Tiny224);
    private static readonly BenchOption<int> Frames = BenchOption.Int("frames", 1024);
    private static readonly BenchOption<int> Batch = BenchOption.Int("batch", 4);
    private static readonly BenchOption<int> Warmup = BenchOption.Int("warmup", 1);
    private static readonly BenchOption<int> RepeatCount = BenchOption.Int("repeats", 5);
    private static readonly BenchOption<int> Threads = BenchOption.Int("threads", Environment.ProcessorCount);

    /// <inheritdoc />
    public string Name => "patchout";

    /// <inheritdoc />
    public IReadOnlyList<IBenchOption> Options { get; } = [Size, Frames, Batch, Warmup, RepeatCount, Threads];

    /// <inheritdoc />
    public object Run(BenchArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        set_num_threads(arguments.Get(Threads));
        return PatchoutSpeedup.Run(arguments.Get(Size), arguments.Get(Frames), arguments.Get(Batch), arguments.Get(Warmup), arguments.Get(RepeatCount));
    }
}
