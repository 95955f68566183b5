using AstDsl.Bench.Timing;
using AstDsl.Network;

namespace AstDsl.Bench.Onnx;

/// <summary>The "onnx" command: <see cref="OnnxThroughput"/> with options from the command line.</summary>
public sealed class OnnxBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "onnx";

    /// <inheritdoc />
    public string Usage => "[--sizes tiny224,base384] [--warmup 1] [--repeats 5] [--threads 2]";

    /// <inheritdoc />
    public object Run(BenchArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var sizes = arguments.Text("sizes", "tiny224,base384").Split(',')
            .Select(s => Enum.Parse<ModelSize>(s.Trim(), ignoreCase: true)).ToArray();
        return OnnxThroughput.Run(sizes, arguments.Int("threads", Environment.ProcessorCount), arguments.Int("warmup", 1), arguments.Int("repeats", 5));
    }
}
