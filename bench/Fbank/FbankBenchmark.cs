using AstDsl.Bench.Timing;

namespace AstDsl.Bench.Fbank;

/// <summary>The "fbank" command: <see cref="FbankThroughput"/> with options from the command line.</summary>
public sealed class FbankBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "fbank";

    /// <inheritdoc />
    public string Usage => "[--batch 8] [--seconds 10] [--warmup 2] [--repeats 7] [--device cpu] [--threads torch default] " +
                           "[--torchaudio off|on: alternate with torchaudio, 10 s clips on the CPU] [--rounds 4] [--python PATH]";

    /// <inheritdoc />
    public object Run(BenchArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var threads = arguments.Int("threads", 0);
        if (threads > 0) TorchSharp.torch.set_num_threads(threads);
        var torchaudio = arguments.Text("torchaudio", "off") switch
        {
            "on" => true,
            "off" => false,
            var other => throw new ArgumentException($"--torchaudio: '{other}' is neither on nor off"),
        };
        var (batch, warmup, repeats) = (arguments.Int("batch", 8), arguments.Int("warmup", 2), arguments.Int("repeats", 7));
        if (torchaudio) return Compare(arguments, batch, warmup, repeats);
        var result = FbankThroughput.Run(batch, arguments.Double("seconds", 10), warmup, repeats, arguments.Text("device", "cpu"));
        Console.WriteLine($"fbank, {result.Batch} x {result.ClipSeconds} s clips on {result.Device} ({result.Threads} threads, load average {result.LoadAverage}):");
        Print("batched ", result.Batched);
        Print("per clip", result.PerClip);
        return result;
    }

    private static TorchaudioComparison.Result Compare(BenchArguments arguments, int batch, int warmup, int repeats)
    {
        var result = TorchaudioComparison.Run(arguments.Text("python", ""), TorchSharp.torch.get_num_threads(), batch,
            arguments.Int("rounds", 4), warmup, repeats);
        Console.WriteLine($"fbank vs torchaudio {result.Libraries["torchaudio"]}, {result.Clips} x 10 s clips, {result.Threads} threads, " +
                          $"{result.Rounds} alternating rounds, best runs ({result.VectorWidth}-bit lanes, load average {result.LoadAverage}):");
        Console.WriteLine($"  torchaudio (per clip): {result.Torchaudio.WallSeconds * 1000:F1} ms wall, {result.Torchaudio.CpuSeconds * 1000:F1} ms CPU");
        Console.WriteLine($"  ours batched : {result.OursBatched.WallSeconds * 1000:F1} ms wall, {result.OursBatched.CpuSeconds * 1000:F1} ms CPU: " +
                          $"x{result.Ratios["batched_wall"]:F2} wall, x{result.Ratios["batched_cpu"]:F2} CPU");
        Console.WriteLine($"  ours per clip: {result.OursPerClip.WallSeconds * 1000:F1} ms wall, {result.OursPerClip.CpuSeconds * 1000:F1} ms CPU: " +
                          $"x{result.Ratios["per_clip_wall"]:F2} wall, x{result.Ratios["per_clip_cpu"]:F2} CPU");
        return result;
    }

    private static void Print(string label, FbankThroughput.Mode mode) =>
        Console.WriteLine($"  {label}: median {mode.MedianSeconds * 1000:F1} ms wall = {mode.AudioSecondsPerSecond:F0} s of audio / s; " +
                          $"{mode.MedianCpuSeconds * 1000:F1} ms CPU = {mode.AudioSecondsPerCpuSecond:F0} s of audio / CPU s");
}
