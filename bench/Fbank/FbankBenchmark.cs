using AstDsl.Bench.Timing;

namespace AstDsl.Bench.Fbank;

/// <summary>The "fbank" command: <see cref="FbankThroughput"/> with options from the command line.</summary>
public sealed class FbankBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "fbank";

    /// <inheritdoc />
    public string Usage => "[--batch 8] [--seconds 10] [--warmup 2] [--repeats 7] [--device cpu]";

    /// <inheritdoc />
    public object Run(BenchArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var result = FbankThroughput.Run(
            arguments.Int("batch", 8), arguments.Double("seconds", 10), arguments.Int("warmup", 2), arguments.Int("repeats", 7),
            arguments.Text("device", "cpu"));
        Console.WriteLine($"fbank, {result.Batch} x {result.ClipSeconds} s clips on {result.Device} ({result.Threads} threads):");
        Console.WriteLine($"  batched : median {result.BatchedMedianSeconds * 1000:F1} ms = {result.BatchedAudioSecondsPerSecond:F0} s of audio / s");
        Console.WriteLine($"  per clip: median {result.PerClipMedianSeconds * 1000:F1} ms = {result.PerClipAudioSecondsPerSecond:F0} s of audio / s");
        return result;
    }
}
