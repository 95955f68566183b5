using AstDsl.Audio.Augment;
using AstDsl.Audio.Features;
using AstDsl.Audio.Data;
using AstDsl.TestSupport;

namespace AstDsl.Audio.Tests.Data;

public sealed class BatchLoaderTests : IDisposable
{
    private readonly TinyDataset _files = new(targetLength: 48);

    public void Dispose() => _files.Dispose();

    private ClipDataset Dataset(ClipRecipe? recipe = null) => _files.Dataset(recipe);

    private static readonly ClipRecipe Everything = ClipRecipe.Load().Mixup(probability: 0.5, alpha: 10).Fbank()
        .MaskFrequency(24).MaskTime(12).Normalize(ClipPipelineOptions.AudioSetMean, ClipPipelineOptions.AudioSetStd).Noise().SmoothLabels(0.1);

    [Fact]
    public void Batches_have_the_official_shapes_and_cover_every_clip_once()
    {
        var loader = new BatchLoader(Dataset(), new LoaderOptions { BatchSize = 3, Seed = 1 });
        var batches = loader.Epoch(0).ToList();
        Assert.Equal(3, loader.BatchesPerEpoch);
        Assert.Equal(new long[] { 3, 48, 128 }, batches[0].Features.shape);
        Assert.Equal(new long[] { 3, 3 }, batches[0].Targets.shape);
        Assert.Equal(1, batches[2].Size);
        Assert.Equal(Enumerable.Range(0, 7), batches.SelectMany(b => b.Indices).Order());
        foreach (var b in batches) b.Dispose();
    }

    [Fact]
    public void Rows_equal_the_dataset_items_with_the_derived_seeds()
    {
        var dataset = Dataset(Everything);
        var loader = new BatchLoader(dataset, new LoaderOptions { BatchSize = 4, Seed = 5 });
        using var batch = loader.Epoch(2).First();
        for (var row = 0; row < batch.Size; row++)
        {
            var (features, target) = dataset.Get(batch.Indices[row], SeedMixer.Derive(5, 2, row));
            TensorAssert.Equal(batch.Features[row], features, $"row {row} features");
            TensorAssert.Equal(batch.Targets[row], target, $"row {row} target");
        }
    }

    [Fact]
    public void Same_seed_gives_identical_epochs_whatever_the_worker_count()
    {
        var dataset = Dataset(Everything);
        List<Batch> Run(int workers, int seed) =>
            new BatchLoader(dataset, new LoaderOptions { BatchSize = 3, Seed = seed, Workers = workers, Prefetch = 1 }).Epoch(1).ToList();
        var one = Run(1, 7);
        var two = Run(2, 7);
        var other = Run(2, 8);
        for (var b = 0; b < one.Count; b++)
        {
            Assert.Equal(one[b].Indices, two[b].Indices);
            TensorAssert.Equal(two[b].Features, one[b].Features, $"batch {b}");
            TensorAssert.Equal(two[b].Targets, one[b].Targets, $"batch {b}");
        }
        Assert.Contains(one.Zip(other), p => TensorAssert.MaxAbsDiff(p.First.Features, p.Second.Features) > 0);
        foreach (var b in one.Concat(two).Concat(other)) b.Dispose();
    }

    [Fact]
    public void Epochs_differ_in_order_but_are_permutations()
    {
        var loader = new BatchLoader(Dataset(), new LoaderOptions { BatchSize = 7, Seed = 3 });
        int[] Order(int epoch)
        {
            using var batch = loader.Epoch(epoch).Single();
            return batch.Indices.ToArray();
        }
        Assert.NotEqual(Order(0), Order(1));
        Assert.Equal(Order(0), Order(0));
        Assert.Equal(Enumerable.Range(0, 7), Order(1).Order());
    }

    [Fact]
    public void Bad_files_fail_with_the_path_or_are_skipped_and_counted()
    {
        File.WriteAllText(_files.Dir.File("audio/clip2.wav"), "this is not audio");
        File.Delete(_files.Dir.File("audio/clip5.wav"));
        var dataset = Dataset();

        var failing = new BatchLoader(dataset, new LoaderOptions { BatchSize = 7, Shuffle = false });
        var e = Assert.Throws<ClipLoadException>(() => failing.Epoch(0).ToList());
        Assert.Contains("clip2.wav", e.Message);
        Assert.Contains("not a WAV file", e.Message);

        var skipping = new BatchLoader(dataset, new LoaderOptions { BatchSize = 4, BadFiles = BadFilePolicy.Skip });
        var batches = skipping.Epoch(0).ToList();
        Assert.Equal(5, batches.Sum(b => b.Size));
        Assert.Equal(2, skipping.SkippedCount);
        Assert.Contains(skipping.Skipped, s => s.Path.EndsWith("clip5.wav", StringComparison.Ordinal));
        foreach (var b in batches) b.Dispose();
    }

    [Fact]
    public void Weighted_sampling_draws_with_replacement_in_proportion()
    {
        var weights = new double[] { 0, 1, 0, 3, 0, 0, 0 };
        var loader = new BatchLoader(Dataset(), new LoaderOptions { BatchSize = 50, SampleWeights = weights, SamplesPerEpoch = 400, Workers = 2 });
        var indices = loader.Epoch(0).SelectMany(b => { using (b) return b.Indices; }).ToList();
        Assert.Equal(400, indices.Count);
        Assert.All(indices, i => Assert.Contains(i, new[] { 1, 3 }));
        var share = indices.Count(i => i == 3) / 400.0;
        Assert.InRange(share, 0.68, 0.82);
    }

    [Fact]
    public void Resuming_mid_epoch_yields_the_same_later_batches()
    {
        var loader = new BatchLoader(Dataset(Everything), new LoaderOptions { BatchSize = 2, Seed = 4 });
        var full = loader.Epoch(3).ToList();
        var resumed = loader.Epoch(3, firstBatch: 2).ToList();
        Assert.Equal(full.Count - 2, resumed.Count);
        for (var i = 0; i < resumed.Count; i++)
        {
            Assert.Equal(full[i + 2].Number, resumed[i].Number);
            Assert.Equal(full[i + 2].Indices, resumed[i].Indices);
            TensorAssert.Equal(resumed[i].Features, full[i + 2].Features, $"batch {i + 2}");
        }
        foreach (var b in full.Concat(resumed)) b.Dispose();
    }

    [Fact]
    public void Leaving_an_epoch_early_stops_the_producer()
    {
        var loader = new BatchLoader(Dataset(), new LoaderOptions { BatchSize = 1, Prefetch = 1 });
        using (var first = loader.Epoch(0).First()) Assert.Equal(1, first.Size);
        using var again = loader.Epoch(0).First();
        Assert.Equal(1, again.Size);
    }

    [Fact]
    public void Weights_of_the_wrong_length_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new BatchLoader(Dataset(), new LoaderOptions { SampleWeights = [1, 2] }));
        Assert.Contains("one line per datafile entry", e.Message);
    }
}
