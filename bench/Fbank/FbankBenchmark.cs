using AstDsl.Bench.Timing;

namespace AstDsl.Bench.Fbank;

/// <summary>
/// The "fbank" command: <see cref="FbankThroughput"/> with options from the command line, or with <c>--torchaudio on</c>
/// rounds alternating with torchaudio on 10 s CPU clips (<see cref="TorchaudioComparison"/>).
/// </summary>
public sealed class FbankBenchmark : IBenchmark
{
    private static readonly BenchOption<int> Batch = BenchOption.Int("batch", 8);
    private static readonly BenchOption<double> Seconds = BenchOption.Double("seconds", 10);
    private static readonly BenchOption<int> Warmup = BenchOption.Int("warmup", 2);
    private static readonly BenchOption<int> RepeatCount = BenchOption.Int("repeats", 7);
    private static readonly BenchOption<string> Device = BenchOption.Text("device", "cpu");
    private static readonly BenchOption<int> Threads = BenchOption.Int("threads", 0, "torch default");
    private static readonly BenchOption<bool> Torchaudio = BenchOption.Switch("torchaudio", false);
    private static readonly BenchOption<int> Rounds = BenchOption.Int("rounds", 4);
    private static readonly BenchOption<string> Python = BenchOption.Text("python", "", "PATH");

    /// <inheritdoc />
    public string Name => "fbank";

    /// <inheritdoc />
    public IReadOnlyList<IBenchOption> Options { get; } = [Batch, Seconds, Warmup, RepeatCount, Device, Threads, Torchaudio, Rounds, Python];

    /// <inheritdoc />
    public object Run(BenchArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var threads = arguments.Get(Threads);
        if (threads > 0) TorchSharp.torch.set_num_threads(threads);
        var (batch, warmup, repeats) = (arguments.Get(Batch), arguments.Get(Warmup), arguments.Get(RepeatCount));
        if (arguments.Get(Torchaudio)) return Compare(arguments, batch, warmup, repeats);
        var result = FbankThroughput.Run(batch, arguments.Get(Seconds), warmup, repeats, arguments.Get(Device));
        Console.WriteLine($"fbank, {result.Batch} x {result.ClipSeconds} s clips on {result.Device} ({result.Threads} threads, load average {result.LoadAverage}):");
        Print("batched ", result.Batched);
        Print("per clip", result.PerClip);
        return result;
    }

    private static TorchaudioComparison.Result Compare(BenchArguments arguments, int batch, int warmup, int repeats)
    {
        var result = TorchaudioComparison.Run(arguments.Get(Python), TorchSharp.torch.get_num_threads(), batch,
            arguments.Get(Rounds), warmup, repeats);
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
