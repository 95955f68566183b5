using AstDsl.Bench.Timing;
using AstDsl.Network;
using static TorchSharp.torch;

namespace AstDsl.Bench.Model;

/// <summary>The "model" command: <see cref="ModelThroughput"/> with options from the command line.</summary>
public sealed class ModelBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "model";

    /// <inheritdoc />
    public string Usage => "[--sizes tiny224,base384] [--warmup 1] [--repeats 5] [--threads 2]";

    /// <inheritdoc />
    public object Run(BenchArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        set_num_threads(arguments.Int("threads", Environment.ProcessorCount));
        var sizes = arguments.Text("sizes", "tiny224,base384").Split(',')
            .Select(s => Enum.Parse<ModelSize>(s.Trim(), ignoreCase: true)).ToArray();
        return ModelThroughput.Run(sizes, arguments.Int("warmup", 1), arguments.Int("repeats", 5));
    }
}
