using AstDsl.Audio.Augment;
using AstDsl.Audio.Data;
using AstDsl.Audio.Features;
using AstDsl.Audio.Wav;
using static TorchSharp.torch;

namespace AstDsl.Audio.Tests.Features;

/// <summary>Issue 12.4: the on-disk fbank cache serves unmixed clips bit for bit, and never serves a stale or broken entry.</summary>
public sealed class FeatureCacheTests
{
    private static readonly ClipPipelineOptions Options = new() { TargetLength = 64, Fbank = FbankOptions.Official with { MelBins = 32 } };

    private static DatafileEntry Entry(string wav) => new(wav, new[] { "/m/c0" }, new[] { 0 });

    private static string Clip(TempDir dir, string name, double hz)
    {
        var wav = dir.File(name);
        WavWriter.Write(wav, Signals.Tone(hz, 0.5));
        return wav;
    }

    private static Tensor Features(ClipDataset dataset, int seed = 3)
    {
        var (features, target) = dataset.Get(0, seed);
        target.Dispose();
        return features;
    }

    // Bit for bit: the raw float32 bits and the shape.
    private static bool Same(Tensor a, Tensor b) =>
        a.shape.SequenceEqual(b.shape) && a.data<float>().Select(BitConverter.SingleToInt32Bits).SequenceEqual(b.data<float>().Select(BitConverter.SingleToInt32Bits));

    private static Tensor Uncached(string wav, ClipPipeline pipeline, ClipRecipe? recipe = null) =>
        Features(new ClipDataset(new[] { Entry(wav) }, 1, pipeline, recipe));

    // One 440 Hz clip, its pipeline and a dataset reading through an empty cache, deleted with the test.
    private sealed class OneClip : IDisposable
    {
        private readonly TempDir _dir = new();

        public OneClip()
        {
            Wav = Clip(_dir, "a.wav", 440);
            Pipeline = new ClipPipeline(Options);
            Cache = new FeatureCache(_dir.File("cache"), Options, Warnings.Add);
            Dataset = new ClipDataset(new[] { Entry(Wav) }, 1, Pipeline, cache: Cache);
        }

        public string Wav { get; }
        public ClipPipeline Pipeline { get; }
        public FeatureCache Cache { get; }
        public ClipDataset Dataset { get; }
        public List<string> Warnings { get; } = new();

        public void Dispose()
        {
            Pipeline.Dispose();
            _dir.Dispose();
        }
    }

    [Fact]
    public void A_miss_stores_and_the_hit_returns_the_computed_features_bit_for_bit()
    {
        using var one = new OneClip();
        var (wav, pipeline, cache, dataset) = (one.Wav, one.Pipeline, one.Cache, one.Dataset);

        using var expected = Uncached(wav, pipeline);
        using var first = Features(dataset);
        using var second = Features(dataset);

        Assert.Equal((1L, 1L), (cache.Misses, cache.Hits));
        Assert.True(Same(expected, first));
        Assert.True(Same(expected, second));
        Assert.Single(Directory.GetFiles(cache.Folder));
    }

    [Fact]
    public void A_new_modification_time_or_other_settings_miss()
    {
        using var one = new OneClip();
        var (wav, pipeline, cache, dataset) = (one.Wav, one.Pipeline, one.Cache, one.Dataset);
        Features(dataset).Dispose();

        // Same size, new content and time: the old entry must not answer.
        WavWriter.Write(wav, Signals.Tone(1000, 0.5));
        File.SetLastWriteTimeUtc(wav, File.GetLastWriteTimeUtc(wav).AddMinutes(1));
        using var changed = Features(dataset);
        using var expected = Uncached(wav, pipeline);
        Assert.Equal((2L, 0L), (cache.Misses, cache.Hits));
        Assert.True(Same(expected, changed));

        var hamming = Options with { Fbank = Options.Fbank with { Window = WindowType.Hamming } };
        using var otherPipeline = new ClipPipeline(hamming);
        var otherCache = new FeatureCache(cache.Folder, hamming);
        Features(new ClipDataset(new[] { Entry(wav) }, 1, otherPipeline, cache: otherCache)).Dispose();
        Assert.Equal((1L, 0L), (otherCache.Misses, otherCache.Hits));
        Assert.Equal(3, Directory.GetFiles(cache.Folder).Length);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("empty")]
    public void A_broken_entry_is_recomputed_rewritten_and_reported_once(string damage)
    {
        using var one = new OneClip();
        var (pipeline, cache, dataset) = (one.Pipeline, one.Cache, one.Dataset);
        using var expected = Features(dataset);
        var entry = Assert.Single(Directory.GetFiles(cache.Folder));
        var bytes = File.ReadAllBytes(entry);
        void Damage() => File.WriteAllBytes(entry, damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "flipped" => bytes.Select((b, i) => i == bytes.Length / 2 ? (byte)(b ^ 0x40) : b).ToArray(),
            _ => Array.Empty<byte>(),
        });

        Damage();
        using var recomputed = Features(dataset);
        using var reread = Features(dataset);
        Damage();
        Features(dataset).Dispose();

        Assert.Equal((3L, 1L), (cache.Misses, cache.Hits));
        Assert.True(Same(expected, recomputed));
        Assert.True(Same(expected, reread));
        Assert.Equal(bytes, File.ReadAllBytes(entry));
        Assert.Equal([$"features.cache: '{entry}' is damaged (truncated or altered); recomputing it (other damaged entries are recomputed without a warning)"], one.Warnings);
    }

    [Fact]
    public void Mixed_clips_bypass_the_cache_and_unmixed_ones_use_it()
    {
        using var dir = new TempDir();
        var entries = new[] { Entry(Clip(dir, "a.wav", 440)), Entry(Clip(dir, "b.wav", 1000)) };
        using var pipeline = new ClipPipeline(Options);
        var always = ClipRecipe.Load().Mixup(probability: 1, alpha: 10).Fbank().Normalize(-4, 4);
        var cache = new FeatureCache(dir.File("cache"), Options);

        using var mixed = Features(new ClipDataset(entries, 1, pipeline, always, cache));
        using var mixedUncached = Features(new ClipDataset(entries, 1, pipeline, always));
        Assert.Equal((0L, 0L), (cache.Misses, cache.Hits));
        Assert.True(Same(mixedUncached, mixed));

        // With p = 0.5 the clip is unmixed when its seed's first draw is >= 0.5: exactly those lookups reach the cache.
        var half = new ClipDataset(entries, 1, pipeline, ClipRecipe.Load().Mixup(probability: 0.5, alpha: 10).Fbank().Normalize(-4, 4), cache);
        for (var seed = 0; seed < 20; seed++) Features(half, seed).Dispose();
        var unmixed = Enumerable.Range(0, 20).Count(seed => new Random(seed).NextDouble() >= 0.5);
        Assert.InRange(unmixed, 1, 19);
        Assert.Equal((1L, unmixed - 1L), (cache.Misses, cache.Hits));
    }

    [Fact]
    public void Concurrent_workers_leave_one_whole_entry()
    {
        using var one = new OneClip();
        var (wav, pipeline, cache, dataset) = (one.Wav, one.Pipeline, one.Cache, one.Dataset);
        using var expected = Uncached(wav, pipeline);

        var equal = new bool[16];
        Parallel.For(0, equal.Length, i =>
        {
            using var features = Features(dataset);
            equal[i] = Same(expected, features);
        });

        Assert.All(equal, Assert.True);
        Assert.Equal(16L, cache.Misses + cache.Hits);
        Assert.Single(Directory.GetFiles(cache.Folder));
    }

    [Fact]
    public void A_dithered_front_end_is_refused()
    {
        using var dir = new TempDir();
        var error = Assert.Throws<ArgumentException>(() => new FeatureCache(dir.File("cache"), Options with { Fbank = Options.Fbank with { Dither = 1 } }));
        Assert.Equal("features.cache: the fbank adds dither (1), so no two computations agree; set dither to 0 or turn the cache off", error.Message);
    }

    [Fact]
    public void A_folder_that_cannot_be_created_warns_once_and_the_features_are_still_computed()
    {
        using var dir = new TempDir();
        var wav = Clip(dir, "a.wav", 440);
        File.WriteAllText(dir.File("taken"), "a file where the cache folder's parent should be");
        using var pipeline = new ClipPipeline(Options);
        var warnings = new List<string>();
        var cache = new FeatureCache(dir.File("taken/cache"), Options, warnings.Add);
        var dataset = new ClipDataset(new[] { Entry(wav) }, 1, pipeline, cache: cache);

        using var expected = Uncached(wav, pipeline);
        using var first = Features(dataset);
        using var second = Features(dataset);

        Assert.True(Same(expected, first));
        Assert.True(Same(expected, second));
        Assert.Equal((2L, 0L), (cache.Misses, cache.Hits));
        Assert.False(cache.Writable);
        Assert.Equal([FeatureCache.WriteFailure(dir.File("taken/cache"), $"'{dir.File("taken")}' is a file, not a folder")], warnings);
        Assert.Equal("features.cache: cannot write to '/x': Permission denied; continuing without the cache; set features { cache = off } or a writable path",
            FeatureCache.WriteFailure("/x", "Permission denied"));
        Assert.Equal(["a.wav", "taken"], Directory.GetFileSystemEntries(dir.Path).Select(p => Path.GetFileName(p)).Order());
    }

    [Fact]
    public void A_folder_that_cannot_be_written_warns_once_with_the_reason_and_leaves_no_temporary()
    {
        using var dir = new TempDir();
        var wav = Clip(dir, "a.wav", 440);
        var folder = Directory.CreateDirectory(dir.File("cache")).FullName;
        if (OperatingSystem.IsWindows()) return;
        // Root writes into a read-only folder anyway, but not even root can create a file in sysfs.
        var asRoot = Environment.UserName == "root";
        if (asRoot && !Directory.Exists("/sys/kernel")) return;
        if (asRoot) folder = "/sys/kernel";
        else File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            using var pipeline = new ClipPipeline(Options);
            var warnings = new List<string>();
            var cache = new FeatureCache(folder, Options, warnings.Add);
            var dataset = new ClipDataset(new[] { Entry(wav) }, 1, pipeline, cache: cache);
            Assert.True(cache.Writable);
            using var expected = Uncached(wav, pipeline);
            using var features = Features(dataset);
            Features(dataset).Dispose();

            Assert.True(Same(expected, features));
            Assert.Equal((2L, 0L), (cache.Misses, cache.Hits));
            Assert.False(cache.Writable);
            Assert.Equal([FeatureCache.WriteFailure(folder, "Permission denied")], warnings);
            Assert.Empty(Directory.GetFiles(folder, "*.tmp-*"));
        }
        finally
        {
            if (!asRoot) File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void A_survey_names_the_stale_entries_and_ignores_files_that_are_not_entries()
    {
        using var dir = new TempDir();
        var wavs = new[] { Clip(dir, "a.wav", 440), Clip(dir, "b.wav", 660), Clip(dir, "c.wav", 880) };
        using var pipeline = new ClipPipeline(Options);
        var cache = new FeatureCache(dir.File("cache"), Options);
        foreach (var wav in wavs) Features(new ClipDataset(new[] { Entry(wav) }, 1, pipeline, cache: cache)).Dispose();
        var hamming = Options with { Fbank = Options.Fbank with { Window = WindowType.Hamming } };
        using var hammingPipeline = new ClipPipeline(hamming);
        Features(new ClipDataset(new[] { Entry(wavs[0]) }, 1, hammingPipeline, cache: new FeatureCache(cache.Folder, hamming))).Dispose();
        File.WriteAllText(Path.Combine(cache.Folder, "notes.fbank"), "not an entry");
        var before = Directory.GetFiles(cache.Folder, "*.fbank");
        File.WriteAllText(Path.Combine(cache.Folder, "readme.txt"), "not an entry either");
        var fourth = Clip(dir, "d.wav", 990);
        Features(new ClipDataset(new[] { Entry(fourth) }, 1, pipeline, cache: cache)).Dispose();
        var truncated = Directory.GetFiles(cache.Folder, "*.fbank").Except(before).Single();
        File.WriteAllBytes(truncated, File.ReadAllBytes(truncated)[..100]);
        File.Delete(wavs[1]);
        File.SetLastWriteTimeUtc(wavs[2], File.GetLastWriteTimeUtc(wavs[2]).AddMinutes(1));

        var survey = FeatureCacheSurvey.Of(cache.Folder, Options);

        Assert.Equal(5, survey.Entries.Count);
        Assert.Equal(survey.Entries.Sum(e => new FileInfo(e.Path).Length), survey.Bytes);
        Assert.Equal(["other format or damaged", "other front-end settings", "source file changed", "source file gone"], survey.Stale.Select(e => e.Stale).Order());
        Assert.Equal(4, FeatureCacheSurvey.Of(cache.Folder, hamming).Stale.Count);
        Assert.Empty(FeatureCacheSurvey.Of(dir.File("absent"), Options).Entries);
    }
}
