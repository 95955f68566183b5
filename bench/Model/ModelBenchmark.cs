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
    public string Usage => "[--sizes tiny224,base384] [--precision fp32|bf16|fp32,bf16] [--batches 1,8|none] [--train-step on|off] [--warmup 1] [--repeats 5] [--threads 2]";

    /// <inheritdoc />
    public object Run(BenchArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        set_num_threads(arguments.Int("threads", Environment.ProcessorCount));
        var sizes = List(arguments.Text("sizes", "tiny224,base384")).Select(s => Enum.Parse<ModelSize>(s, ignoreCase: true)).ToArray();
        var precisions = List(arguments.Text("precision", "fp32")).Select(Precision).ToArray();
        var batchText = arguments.Text("batches", "1,8");
        var batches = batchText == "none" ? [] : List(batchText).Select(int.Parse).ToArray();
        var trainStep = arguments.Text("train-step", "on") switch
        {
            "on" => true,
            "off" => false,
            var other => throw new ArgumentException($"--train-step: '{other}' is not on or off"),
        };
        return ModelThroughput.Run(sizes, precisions, batches, trainStep, arguments.Int("warmup", 1), arguments.Int("repeats", 5));
    }

    private static IEnumerable<string> List(string text) => text.Split(',').Select(s => s.Trim());

    private static Precision Precision(string word) =>
        LanguageWords.All<Precision>().Contains(word)
            ? LanguageWords.Parse<Precision>(word)
            : throw new ArgumentException($"--precision: '{word}' is not one of {string.Join(", ", LanguageWords.All<Precision>())}");
}
