using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Audio.Features;

/// <summary>
/// Dataset normalisation statistics as the official get_norm_stats computes them: mean and (unbiased) standard deviation
/// over every value of every clip's fbank after padding or cutting to target_length, without normalisation or
/// augmentation. (The official script averages per-batch values over batches of 1000 clips; for datasets of up to 1000
/// clips that is exactly this, and beyond it differs only by the batching.)
/// </summary>
/// <param name="Mean">Mean log-mel value.</param>
/// <param name="Std">Unbiased standard deviation of the log-mel values.</param>
/// <param name="Clips">Number of clips.</param>
/// <param name="Values">Number of values (clips x target_length x mel bins).</param>
public sealed record FbankStatistics(double Mean, double Std, int Clips, long Values)
{
    /// <summary>Statistics of every clip of an official datafile (labels are not needed), as <c>astc stats DATAFILE</c>.</summary>
    /// <exception cref="Data.DatasetFormatException">The datafile is malformed.</exception>
    /// <exception cref="AudioFormatException">A clip cannot be decoded.</exception>
    public static FbankStatistics ForDatafile(string datafile, ClipPipeline pipeline, int workers = 0) =>
        Compute(Data.Datafile.LoadUnlabelled(datafile).Select(e => e.Wav).ToArray(), pipeline, workers);

    /// <summary>Statistics of the given WAV files through <paramref name="pipeline"/>, decoding in parallel.</summary>
    /// <exception cref="AudioFormatException">A file cannot be decoded.</exception>
    public static FbankStatistics Compute(IReadOnlyList<string> wavPaths, ClipPipeline pipeline, int workers = 0)
    {
        ArgumentNullException.ThrowIfNull(wavPaths);
        ArgumentNullException.ThrowIfNull(pipeline);
        if (wavPaths.Count == 0) throw new ArgumentException("the datafile lists no clips to compute statistics over; add entries to its \"data\" array.");
        var parts = new (long Count, double Mean, double M2)[wavPaths.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers > 0 ? workers : Environment.ProcessorCount };
        Parallel.For(0, wavPaths.Count, parallel, i =>
        {
            using var scope = NewDisposeScope();
            using var waveform = pipeline.Load(wavPaths[i]);
            var values = pipeline.PadOrCut(pipeline.Features(waveform)).to(float64);
            var mean = values.mean().item<double>();
            // Explicit Scalars: the workers run in parallel, so collections during native calls are likely (see HeldScalars).
            using var meanScalar = mean.ToScalar();
            parts[i] = (values.numel(), mean, values.sub(meanScalar).pow(HeldScalars.Two).sum().item<double>());
        });

        // Chan et al.'s pairwise merge, in file order so the result does not depend on thread timing.
        long n = 0;
        double total = 0, m2 = 0;
        foreach (var (count, mean, partM2) in parts)
        {
            var delta = mean - total;
            var merged = n + count;
            total += delta * count / merged;
            m2 += partM2 + delta * delta * n * count / merged;
            n = merged;
        }
        return new FbankStatistics(total, Math.Sqrt(m2 / Math.Max(1, n - 1)), wavPaths.Count, n);
    }
}
