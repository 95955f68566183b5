using AstDsl.Bench.Timing;

namespace AstDsl.Bench.Fbank;

/// <summary>The "fbank" command: <see cref="FbankThroughput"/> with options from the command line.</summary>
public sealed class FbankBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "fbank";

    /// <inheritdoc />
    public string Usage => "[--batch 8] [--seconds 10] [--warmup 2] [--repeats 7] [--device cpu] [--threads torch default]";

    /// <inheritdoc />
    public object Run(BenchArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var threads = arguments.Int("threads", 0);
        if (threads > 0) TorchSharp.torch.set_num_threads(threads);
        var result = FbankThroughput.Run(
            arguments.Int("batch", 8), arguments.Double("seconds", 10), arguments.Int("warmup", 2), arguments.Int("repeats", 7),
            arguments.Text("device", "cpu"));
        Console.WriteLine($"fbank, {result.Batch} x {result.ClipSeconds} s clips on {result.Device} ({result.Threads} threads, load average {result.LoadAverage}):");
        Print("batched ", result.Batched);
        Print("per clip", result.PerClip);
        return result;
    }

    private static void Print(string label, FbankThroughput.Mode mode) =>
        Console.WriteLine($"  {label}: median {mode.MedianSeconds * 1000:F1} ms wall = {mode.AudioSecondsPerSecond:F0} s of audio / s; " +
                          $"{mode.MedianCpuSeconds * 1000:F1} ms CPU = {mode.AudioSecondsPerCpuSecond:F0} s of audio / CPU s");
}
