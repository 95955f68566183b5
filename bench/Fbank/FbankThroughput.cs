using AstDsl.Audio.Features;
using AstDsl.Bench.Timing;
using static TorchSharp.torch;

namespace AstDsl.Bench.Fbank;

/// <summary>
/// Kaldi fbank throughput on a batch of 10 s, 16 kHz clips with the official settings: seconds of audio processed per
/// second of wall clock, batched (one call for the whole batch) and clip by clip.
/// </summary>
public static class FbankThroughput
{
    /// <summary>Everything measured in one run.</summary>
    public sealed record Result(
        string Benchmark, string Device, int Threads, int Batch, double ClipSeconds, int Warmup, int Repeats,
        double BatchedMedianSeconds, double BatchedAudioSecondsPerSecond, double PerClipMedianSeconds, double PerClipAudioSecondsPerSecond,
        double[] BatchedSeconds, double[] PerClipSeconds);

    /// <summary>Measures with the given sizes; <paramref name="device"/> is a torch device string such as "cpu" or "cuda".</summary>
    public static Result Run(int batch, double clipSeconds, int warmup, int repeats, string device)
    {
        const int rate = 16000;
        using var fbank = new KaldiFbank();
        var target = new Device(device);
        using var clips = (randn(batch, (long)(clipSeconds * rate), generator: new Generator(0)) * 0.1).to(target);

        var batched = Repeats.Time(() =>
        {
            using var features = fbank.Compute(clips, rate);
            Synchronise(features);
        }, warmup, repeats);
        var perClip = Repeats.Time(() =>
        {
            for (var i = 0; i < batch; i++)
            {
                using var clip = clips[i];
                using var features = fbank.Compute(clip, rate);
                Synchronise(features);
            }
        }, warmup, repeats);

        var audio = batch * clipSeconds;
        var batchedMedian = Repeats.Median(batched);
        var perClipMedian = Repeats.Median(perClip);
        return new Result("fbank", device, get_num_threads(), batch, clipSeconds, warmup, repeats,
            batchedMedian, audio / batchedMedian, perClipMedian, audio / perClipMedian, batched, perClip);
    }

    // Reading one value forces asynchronous devices to finish the work being timed.
    private static void Synchronise(Tensor features)
    {
        using var last = features.flatten()[-1].cpu();
        _ = last.item<float>();
    }
}
