using AstDsl.Audio.Augment;
using AstDsl.Audio.Data;
using AstDsl.Audio.Demo;
using AstDsl.Audio.Features;
using AstDsl.Bench.Timing;

namespace AstDsl.Bench.Loader;

/// <summary>
/// The "loader" command: clips per second through <see cref="BatchLoader"/> (WAV decoding, fbank, official training
/// augmentation, batching) over the synthetic demo dataset written to a temporary folder, for each worker count; with
/// <c>--cache 1</c> also through a <see cref="FeatureCache"/> filled by the warm-up epoch, so the timed epochs are the
/// second and later ones, and the ratio of the two medians.
/// </summary>
public sealed class LoaderBenchmark : IBenchmark
{
    /// <summary>One worker count, measured.</summary>
    /// <param name="Workers">Clips decoded in parallel.</param>
    /// <param name="Cached">Whether unmixed clips came from the feature cache (filled by the warm-up epoch).</param>
    /// <param name="MedianEpochSeconds">Median wall-clock time of one epoch.</param>
    /// <param name="ClipsPerSecond">Clips per wall-clock second (from the median).</param>
    /// <param name="EpochSeconds">Every epoch's wall-clock time.</param>
    public sealed record Row(int Workers, bool Cached, double MedianEpochSeconds, double ClipsPerSecond, double[] EpochSeconds);

    /// <summary>Everything measured.</summary>
    public sealed record Result(string Benchmark, int Clips, int BatchSize, int TargetLength, bool Augmented, IReadOnlyList<Row> Rows);

    private static readonly BenchOption<int> Clips = BenchOption.Int("clips", 200);
    private static readonly BenchOption<int> BatchSize = BenchOption.Int("batch", 12);
    private static readonly BenchOption<int> TargetLength = BenchOption.Int("target-length", 512);
    private static readonly BenchOption<int> RepeatCount = BenchOption.Int("repeats", 3);
    private static readonly BenchOption<int> Augment = BenchOption.Int("augment", 1);
    private static readonly BenchOption<int> Cache = BenchOption.Int("cache", 0);

    /// <inheritdoc />
    public string Name => "loader";

    /// <inheritdoc />
    public IReadOnlyList<IBenchOption> Options { get; } = [Clips, BatchSize, TargetLength, RepeatCount, Augment, Cache];

    /// <inheritdoc />
    public object Run(BenchArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var clips = arguments.Get(Clips);
        var batch = arguments.Get(BatchSize);
        var targetLength = arguments.Get(TargetLength);
        var repeats = arguments.Get(RepeatCount);
        var augmented = arguments.Get(Augment) != 0;
        var cached = arguments.Get(Cache) != 0;
        var dir = Path.Combine(Path.GetTempPath(), "astdsl-loader-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var demo = DemoDataset.Write(dir, 0, new DemoOptions { TrainClips = clips, EvalClips = 1 });
            using var pipeline = new ClipPipeline(new ClipPipelineOptions { TargetLength = targetLength });
            var augment = augmented
                ? ClipRecipe.Load().Mixup(probability: 0.5, alpha: AugmentSettings.MixupAlpha).Fbank().MaskFrequency(48).MaskTime(48)
                    .Normalize(pipeline.Options.NormMean, pipeline.Options.NormStd).Noise()
                : ClipRecipe.FrontEndOnly;
            var labels = LabelMap.Load(demo.LabelCsv);
            var entries = Datafile.Load(demo.Train, labels);
            var rows = new List<Row>();
            foreach (var workers in new[] { 1, Math.Max(2, Environment.ProcessorCount) }.Distinct())
                foreach (var withCache in cached ? new[] { false, true } : [false])
                {
                    // A fresh cache folder per row: the warm-up epoch fills it, the timed epochs read it.
                    var cache = withCache ? new FeatureCache(Path.Combine(dir, $"cache-{workers}"), pipeline.Options) : null;
                    var dataset = new ClipDataset(entries, labels.Count, pipeline, augment, cache);
                    var row = Measure(dataset, workers, batch, repeats);
                    rows.Add(row);
                    Console.WriteLine($"loader, {clips} demo clips, batch {batch}, {targetLength} frames, augmentation {(augmented ? "on" : "off")}, " +
                                      $"{workers} worker(s){(withCache ? $", feature cache ({cache!.Hits} hits, {cache.Misses} misses)" : "")}: {row.ClipsPerSecond:F1} clips/s");
                    if (withCache)
                        Console.WriteLine($"loader, {workers} worker(s): epoch 2+ with the feature cache takes {row.MedianEpochSeconds / rows[^2].MedianEpochSeconds:F2}x the time without " +
                                          $"({rows[^2].MedianEpochSeconds / row.MedianEpochSeconds:F2}x faster)");
                }
            return new Result(Name, clips, batch, targetLength, augmented, rows);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Row Measure(ClipDataset dataset, int workers, int batch, int repeats)
    {
        var loader = new BatchLoader(dataset, new LoaderOptions { BatchSize = batch, Workers = workers });
        var epoch = 0;
        var seconds = Repeats.Time(() =>
        {
            foreach (var b in loader.Epoch(epoch++)) b.Dispose();
        }, warmup: 1, repeats);
        var median = Repeats.Median(seconds);
        return new Row(workers, dataset.Cache is not null, median, dataset.Count / median, seconds);
    }
}
