using System.Diagnostics;
using AstDsl.Audio.Streaming;
using AstDsl.Bench.Timing;
using AstDsl.Training.Inference;

namespace AstDsl.Bench.Streaming;

/// <summary>
/// The "stream" command: <c>astc tag --stream</c>'s work (PCM parsing, fbank ring, one model call per window) over a
/// long generated input; reports the real-time factor and the peak resident memory (VmHWM) of the process.
/// </summary>
public sealed class StreamBenchmark : IBenchmark
{
    private static readonly BenchOption<double> Minutes = BenchOption.Double("minutes", 30);
    private static readonly BenchOption<int> Rate = BenchOption.Int("rate", 16000);
    private static readonly BenchOption<int> Hop = BenchOption.Int("hop", 0, "half a window");
    private static readonly BenchOption<string> Checkpoint = BenchOption.Text("checkpoint", "", "RUN|FILE (default: an untrained demo-shaped model)");
    private static readonly BenchOption<int> Threads = BenchOption.Int("threads", 0, "torch default");

    /// <inheritdoc />
    public string Name => "stream";

    /// <inheritdoc />
    public IReadOnlyList<IBenchOption> Options { get; } = [Minutes, Rate, Hop, Checkpoint, Threads];

    /// <summary>What the benchmark measured.</summary>
    public sealed record Result(string Benchmark, string Checkpoint, double AudioSeconds, int InputRate, int Window, int Hop, int Windows,
        double WallSeconds, double RealTimeFactor, double PeakRssMegabytes, double RssBeforeMegabytes, int Threads, double LoadAverage);

    /// <inheritdoc />
    public object Run(BenchArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var threads = arguments.Get(Threads);
        if (threads > 0) TorchSharp.torch.set_num_threads(threads);
        var minutes = arguments.Get(Minutes);
        var rate = arguments.Get(Rate);
        var hop = arguments.Get(Hop);
        var checkpoint = arguments.Get(Checkpoint);
        using var temp = checkpoint.Length == 0 ? new DemoShapedCheckpoint() : null;
        using var classifier = new ClipClassifier(temp?.Path ?? checkpoint, "cpu");
        var schedule = classifier.Schedule(hop: hop > 0 ? hop : null);
        var samples = (long)(minutes * 60 * rate);
        using var input = new SyntheticPcmStream(rate, samples);
        var pcm = PcmStream.Open(input, "synthetic stream");

        var before = ResidentMemory.Megabytes("VmRSS");
        var windows = 0;
        var clock = Stopwatch.StartNew();
        StreamTagger.Run(classifier, pcm, schedule, 3, _ => windows++);
        var wall = clock.Elapsed.TotalSeconds;
        var audio = samples / (double)rate;
        var result = new Result("stream", checkpoint.Length == 0 ? "untrained demo shape" : checkpoint, audio, rate, schedule.Window, schedule.Hop,
            windows, wall, wall / audio, ResidentMemory.Megabytes("VmHWM"), before, TorchSharp.torch.get_num_threads(), MachineLoad.OneMinute());
        Console.WriteLine($"stream: {audio / 60:F1} min at {rate} Hz, {windows} windows of {schedule.Window} frames every {schedule.Hop}, " +
                          $"{wall:F1} s wall = real-time factor {result.RealTimeFactor:F4} ({1 / result.RealTimeFactor:F0}x real time); " +
                          $"peak RSS {result.PeakRssMegabytes:F0} MB (before streaming {before:F0} MB); load average {result.LoadAverage}");
        return result;
    }
}
