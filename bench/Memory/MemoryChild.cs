using System.Diagnostics;
using AstDsl.Bench.Compare;
using AstDsl.Bench.Timing;
using AstDsl.Network;
using AstDsl.Training.Inference;
using static TorchSharp.torch;

namespace AstDsl.Bench.Memory;

/// <summary>
/// One measurement of <see cref="MemoryBenchmark"/> in a fresh process, so that its peak resident memory (VmHWM) is
/// that task's alone: <c>--task infer</c> does what <c>astc infer</c> does on a file, <c>--task train</c> one base384
/// training step.
/// </summary>
public sealed class MemoryChild : IBenchmark
{
    /// <summary>What the child measured.</summary>
    public sealed record Result(string Task, int Batch, string Precision, double Seconds, double PeakRssMegabytes, double RssAtEndMegabytes, double ManagedHeapMegabytes);

    private static readonly BenchOption<string> Task = BenchOption.Text("task", "");
    private static readonly BenchOption<int> Threads = BenchOption.Int("threads", 2);
    private static readonly BenchOption<string> Checkpoint = BenchOption.Text("checkpoint", "");
    private static readonly BenchOption<string> Wav = BenchOption.Text("wav", "");
    private static readonly BenchOption<int> Batch = BenchOption.Int("batch", 4);
    private static readonly BenchOption<Precision> TrainPrecision = BenchOption.Name("precision", Precision.Fp32);

    /// <inheritdoc />
    public string Name => "memory-child";

    /// <inheritdoc />
    public IReadOnlyList<IBenchOption> Options { get; } = [Task, Threads, Checkpoint, Wav, Batch, TrainPrecision];

    /// <inheritdoc />
    public string Usage => "(run by memory) --task infer --checkpoint FILE --wav FILE | --task train --batch N [--precision fp32|bf16]";

    /// <inheritdoc />
    public object Run(BenchArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var task = arguments.Get(Task);
        set_num_threads(arguments.Get(Threads));
        var clock = Stopwatch.StartNew();
        var batch = 0;
        var precision = arguments.Get(TrainPrecision);
        switch (task)
        {
            case "infer":
                using (var classifier = new ClipClassifier(arguments.Get(Checkpoint), "cpu"))
                    _ = classifier.Classify(arguments.Get(Wav));
                break;
            case "train":
                batch = arguments.Get(Batch);
                manual_seed(0);
                using (var model = new AstModel(AstOptions.ForSize(ModelSize.Base384, 527)))
                    OurFigures.TrainStep(model, batch, 0, 1, precision);
                break;
            default:
                throw new ArgumentException($"--task: '{task}' is neither infer nor train");
        }
        var result = new Result(task, batch, LanguageWords.Of(precision), clock.Elapsed.TotalSeconds, ResidentMemory.Megabytes("VmHWM"), ResidentMemory.Megabytes("VmRSS"),
            GC.GetGCMemoryInfo().HeapSizeBytes / 1e6);
        Console.WriteLine($"{task}{(batch > 0 ? $" batch {batch} {LanguageWords.Of(precision)}" : "")}: peak RSS {result.PeakRssMegabytes:F0} MB in {result.Seconds:F1} s " +
                          $"(at the end {result.RssAtEndMegabytes:F0} MB, managed heap {result.ManagedHeapMegabytes:F0} MB)");
        return result;
    }
}
