using AstDsl.Bench.Timing;
using AstDsl.Network;
using static TorchSharp.torch;

namespace AstDsl.Bench.Model;

/// <summary>The "model" command: <see cref="ModelThroughput"/> with options from the command line.</summary>
public sealed class ModelBenchmark : IBenchmark
{
    private static readonly BenchOption<ModelSize[]> Sizes = BenchOption.Names<ModelSize>("sizes", "tiny224,base384");
    private static readonly BenchOption<Precision[]> Precisions = BenchOption.List("precision", "fp32", Precision, "fp32|bf16|fp32,bf16");
    private static readonly BenchOption<int[]> Batches = BenchOption.Ints("batches", "1,8", "1,8|none");
    private static readonly BenchOption<bool> TrainStep = BenchOption.Switch("train-step", true);
    private static readonly BenchOption<int> Warmup = BenchOption.Int("warmup", 1);
    private static readonly BenchOption<int> RepeatCount = BenchOption.Int("repeats", 5);
    private static readonly BenchOption<int> Threads = BenchOption.Int("threads", Environment.ProcessorCount);

    /// <inheritdoc />
    public string Name => "model";

    /// <inheritdoc />
    public IReadOnlyList<IBenchOption> Options { get; } = [Sizes, Precisions, Batches, TrainStep, Warmup, RepeatCount, Threads];

    /// <inheritdoc />
    public object Run(BenchArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        set_num_threads(arguments.Get(Threads));
        return ModelThroughput.Run(arguments.Get(Sizes), arguments.Get(Precisions), arguments.Get(Batches), arguments.Get(TrainStep),
            arguments.Get(Warmup), arguments.Get(RepeatCount));
    }

    private static Precision Precision(string word) =>
        LanguageWords.All<Precision>().Contains(word)
            ? LanguageWords.Parse<Precision>(word)
            : throw new ArgumentException($"--precision: '{word}' is not one of {string.Join(", ", LanguageWords.All<Precision>())}");
}
