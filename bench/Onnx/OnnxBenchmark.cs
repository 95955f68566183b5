using AstDsl.Bench.Timing;
using AstDsl.Network;

namespace AstDsl.Bench.Onnx;

/// <summary>The "onnx" command: <see cref="OnnxThroughput"/> with options from the command line.</summary>
public sealed class OnnxBenchmark : IBenchmark
{
    private static readonly BenchOption<ModelSize[]> Sizes = BenchOption.Names<ModelSize>("sizes", "tiny224,base384");
    private static readonly BenchOption<int> Warmup = BenchOption.Int("warmup", 1);
    private static readonly BenchOption<int> RepeatCount = BenchOption.Int("repeats", 5);
    private static readonly BenchOption<int> Threads = BenchOption.Int("threads", Environment.ProcessorCount);

    /// <inheritdoc />
    public string Name => "onnx";

    /// <inheritdoc />
    public IReadOnlyList<IBenchOption> Options { get; } = [Sizes, Warmup, RepeatCount, Threads];

    /// <inheritdoc />
    public object Run(BenchArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return OnnxThroughput.Run(arguments.Get(Sizes), arguments.Get(Threads), arguments.Get(Warmup), arguments.Get(RepeatCount));
    }
}
