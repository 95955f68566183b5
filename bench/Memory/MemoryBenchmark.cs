using System.Diagnostics;
using System.Text.Json;
using AstDsl.Bench.Streaming;
using AstDsl.Bench.Timing;

namespace AstDsl.Bench.Memory;

/// <summary>
/// The "memory" command: peak resident memory of <c>astc infer</c>'s work on a long WAV file (default 30 minutes at
/// 16 kHz, a demo-shaped model) and of base384 training steps at the given batch sizes and precisions, each in its own
/// child process.
/// </summary>
public sealed class MemoryBenchmark : IBenchmark
{
    /// <summary>Everything measured.</summary>
    public sealed record Result(string Benchmark, double InferMinutes, double InferFileMegabytes, IReadOnlyList<MemoryChild.Result> Runs, double LoadAverage);

    private static readonly BenchOption<double> Minutes = BenchOption.Double("minutes", 30, "30 (0: no infer)");
    private static readonly BenchOption<int[]> TrainBatches = BenchOption.Ints("train-batches", "4,12", "4,12 (empty: none)");
    private static readonly BenchOption<Precision[]> TrainPrecisions = BenchOption.Names<Precision>("precision", "fp32");
    private static readonly BenchOption<int> Threads = BenchOption.Int("threads", 2);

    /// <inheritdoc />
    public string Name => "memory";

    /// <inheritdoc />
    public IReadOnlyList<IBenchOption> Options { get; } = [Minutes, TrainBatches, TrainPrecisions, Threads];

    /// <inheritdoc />
    public object Run(BenchArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var minutes = arguments.Get(Minutes);
        var threads = arguments.Get(Threads);
        var batches = arguments.Get(TrainBatches);
        var runs = new List<MemoryChild.Result>();
        var wav = Path.Combine(Path.GetTempPath(), $"astdsl-memory-{Environment.ProcessId}.wav");
        try
        {
            var megabytes = 0.0;
            if (minutes > 0)
            {
                using (var file = File.Create(wav))
                using (var synthetic = new SyntheticPcmStream(16000, (long)(minutes * 60 * 16000)))
                    synthetic.CopyTo(file);
                using var checkpoint = new DemoShapedCheckpoint();
                runs.Add(Child(["--task", "infer", "--checkpoint", checkpoint.Path, "--wav", wav, "--threads", $"{threads}"]));
                megabytes = new FileInfo(wav).Length / 1e6;
            }
            foreach (var precision in arguments.Get(TrainPrecisions))
                foreach (var batch in batches)
                    runs.Add(Child(["--task", "train", "--batch", $"{batch}", "--precision", LanguageWords.Of(precision), "--threads", $"{threads}"]));
            return new Result(Name, minutes, megabytes, runs, MachineLoad.OneMinute());
        }
        finally
        {
            File.Delete(wav);
        }
    }

    // Runs this program's memory-child benchmark and reads the JSON it writes.
    private static MemoryChild.Result Child(IReadOnlyList<string> arguments)
    {
        var output = Path.Combine(Path.GetTempPath(), $"astdsl-memory-child-{Environment.ProcessId}.json");
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(MemoryBenchmark).Assembly.Location);
        foreach (var a in (string[])["memory-child", .. arguments, "--out", output]) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        try
        {
            if (process.ExitCode != 0) throw new InvalidOperationException($"memory-child {string.Join(' ', arguments)} failed with exit code {process.ExitCode}");
            return JsonSerializer.Deserialize<MemoryChild.Result>(File.ReadAllText(output), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;
        }
        finally
        {
            File.Delete(output);
        }
    }
}
