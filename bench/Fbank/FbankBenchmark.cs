using AstDsl.Bench.Timing;

namespace AstDsl.Bench.Fbank;

/// <summary>The "fbank" command: <see cref="FbankThroughput"/> with options from the command line.</summary>
public sealed class FbankBenchmark : IBenchmark
{
    private static readonly BenchOption<int> Batch = BenchOption.Int("batch", 8);
    private static readonly BenchOption<double> Seconds = BenchOption.Double("seconds", 10);
    private static readonly BenchOption<int> Warmup = BenchOption.Int("warmup", 2);
    private static readonly BenchOption<int> RepeatCount = BenchOption.Int("repeats", 7);
    private static readonly BenchOption<string> Device = BenchOption.Text("device", "cpu");
    private static readonly BenchOption<int> Threads = BenchOption.Int("threads", 0, "torch default");

    /// <inheritdoc />
    public string Name => "fbank";

    /// <inheritdoc />
    public IReadOnlyList<IBenchOption> Options { get; } = [Batch, Seconds, Warmup, RepeatCount, Device, Threads];

    /// <inheritdoc />
    public object Run(BenchArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var threads = arguments.Get(Threads);
        if (threads > 0) TorchSharp.torch.set_num_threads(threads);
        var result = FbankThroughput.Run(
            arguments.Get(Batch), arguments.Get(Seconds), arguments.Get(Warmup), arguments.Get(RepeatCount), arguments.Get(Device));
        Console.WriteLine($"fbank, {result.Batch} x {result.ClipSeconds} s clips on {result.Device} ({result.Threads} threads, load average {result.LoadAverage}):");
        Print("batched ", result.Batched);
        Print("per clip", result.PerClip);
        return result;
    }

    private static void Print(string label, FbankThroughput.Mode mode) =>
        Console.WriteLine($"  {label}: median {mode.MedianSeconds * 1000:F1} ms wall = {mode.AudioSecondsPerSecond:F0} s of audio / s; " +
                          $"{mode.MedianCpuSeconds * 1000:F1} ms CPU = {mode.AudioSecondsPerCpuSecond:F0} s of audio / CPU s");
}
