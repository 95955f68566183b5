using AstDsl.Audio.Features;
using AstDsl.Bench.Timing;
using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Bench.Fbank;

/// <summary>
/// Kaldi fbank throughput on a batch of 10 s, 16 kHz clips with the official settings: seconds of audio processed per
/// second of wall clock, batched (one call for the whole batch) and clip by clip.
/// </summary>
public static class FbankThroughput
{
    /// <summary>One way of calling the filterbank, measured.</summary>
    /// <param name="MedianSeconds">Median wall-clock time for the whole batch.</param>
    /// <param name="AudioSecondsPerSecond">Seconds of audio per wall-clock second (from the median).</param>
    /// <param name="MedianCpuSeconds">Median process CPU time for the whole batch.</param>
    /// <param name="AudioSecondsPerCpuSecond">Seconds of audio per CPU second: insensitive to other load on the machine.</param>
    /// <param name="Runs">Every run.</param>
    public sealed record Mode(double MedianSeconds, double AudioSecondsPerSecond, double MedianCpuSeconds, double AudioSecondsPerCpuSecond, Repeats.Sample[] Runs)
    {
        /// <summary>Summarises runs over <paramref name="audioSeconds"/> of audio.</summary>
        public static Mode From(Repeats.Sample[] runs, double audioSeconds)
        {
            var wall = Repeats.Median(runs.Select(r => r.WallSeconds).ToArray());
            var cpu = Repeats.Median(runs.Select(r => r.CpuSeconds).ToArray());
            return new Mode(wall, audioSeconds / wall, cpu, audioSeconds / cpu, runs);
        }
    }

    /// <summary>Everything measured in one run.</summary>
    public sealed record Result(
        string Benchmark, string Device, int Threads, int Batch, double ClipSeconds, int Warmup, int Repeats, double LoadAverage,
        Mode Batched, Mode PerClip);

    /// <summary>Measures with the given sizes; <paramref name="device"/> is a torch device string such as "cpu" or "cuda".</summary>
    public static Result Run(int batch, double clipSeconds, int warmup, int repeats, string device)
    {
        const int rate = 16000;
        using var fbank = new KaldiFbank();
        var target = new Device(device);
        using var amplitude = 0.1.ToScalar();
        using var noise = randn(batch, (long)(clipSeconds * rate), generator: new Generator(0));
        using var clips = noise.mul(amplitude).to(target);

        var batched = Repeats.Measure(() =>
        {
            using var features = fbank.Compute(clips, rate);
            Synchronise(features);
        }, warmup, repeats);
        var perClip = Repeats.Measure(() =>
        {
            for (var i = 0; i < batch; i++)
            {
                using var clip = clips[i];
                using var features = fbank.Compute(clip, rate);
                Synchronise(features);
            }
        }, warmup, repeats);

        var audio = batch * clipSeconds;
        return new Result("fbank", device, get_num_threads(), batch, clipSeconds, warmup, repeats, MachineLoad.OneMinute(),
            Mode.From(batched, audio), Mode.From(perClip, audio));
    }

    // Reading one value forces asynchronous devices to finish the work being timed.
    private static void Synchronise(Tensor features)
    {
        using var scope = NewDisposeScope();
        _ = features.flatten()[-1].cpu().item<float>();
    }
}
