using System.Text.Json;
using Xunit;

namespace AstDsl.Cli.Tests;

/// <summary>
/// Issue 12: <c>astc eval</c> of a run whose spec turned <c>features.cache</c> on reads and fills that run's cache with
/// unchanged metrics, survives a cache it cannot write, and <c>astc cache</c> lists and cleans the folder.
/// </summary>
public sealed class FeatureCacheCommandTests : IClassFixture<TinyModelFixture>
{
    private readonly TinyModelFixture fixture;

    public FeatureCacheCommandTests(TinyModelFixture fixture) => this.fixture = fixture;

    // A run folder (spec.yaml naming the cache, the tiny checkpoint as its best weights) over four clips of its own.
    private sealed class CachedRun : IDisposable
    {
        private readonly TempFolder _folder = new();

        public CachedRun(TinyModelFixture fixture, string? cache = "feature-cache")
        {
            var specs = Directory.CreateDirectory(_folder.File("specs")).FullName;
            Run = Path.Combine(specs, "runs", "tiny-20261206-000000");
            Directory.CreateDirectory(Path.Combine(Run, "checkpoints"));
            File.Copy(fixture.Checkpoint, Path.Combine(Run, "checkpoints", "best.astckpt"));
            File.WriteAllText(Path.Combine(Run, "spec.yaml"), $"experiment: tiny\nspec: {specs}/tiny.ast\nfeatures:\n  mel_bins: 32\n  cache: {cache}\n");
            Clips = Enumerable.Range(0, 4).Select(i =>
            {
                var wav = _folder.File($"clip{i}.wav");
                File.Copy(fixture.File($"clip{i}.wav"), wav);
                return wav;
            }).ToArray();
            Datafile = _folder.File("eval.json");
            File.WriteAllText(Datafile, JsonSerializer.Serialize(new { data = Clips.Select((wav, i) => new { wav, labels = $"/m/c{i % 3}" }) }));
            CacheFolder = Path.Combine(specs, cache ?? "");
        }

        public string Run { get; }
        public string[] Clips { get; }
        public string Datafile { get; }
        public string CacheFolder { get; }
        public string[] Entries => Directory.GetFiles(CacheFolder, "*.fbank").Order(StringComparer.Ordinal).ToArray();

        public void Dispose() => _folder.Dispose();
    }

    private static string MetricsLine(Outcome outcome, string datafile) =>
        Assert.Single(outcome.Out.Split('\n'), line => line.StartsWith(datafile + ": ", StringComparison.Ordinal));

    private Outcome Eval(string checkpoint, string datafile, params string[] extra) =>
        Astc.Run(["eval", checkpoint, datafile, .. extra]);

    [Fact]
    public void Eval_of_a_cached_run_fills_then_reads_its_cache_and_scores_the_same()
    {
        using var run = new CachedRun(fixture);

        var plain = Eval(fixture.Checkpoint, run.Datafile);
        var cold = Eval(run.Run, run.Datafile);
        var warm = Eval(run.Run, run.Datafile);

        Assert.Equal(0, cold.ExitCode);
        Assert.Contains($"feature cache {run.CacheFolder}: 0 read, 4 computed\n", cold.Out, StringComparison.Ordinal);
        Assert.Contains($"feature cache {run.CacheFolder}: 4 read, 0 computed\n", warm.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("feature cache", plain.Out, StringComparison.Ordinal);
        Assert.Equal(4, run.Entries.Length);
        Assert.Equal(MetricsLine(plain, run.Datafile), MetricsLine(cold, run.Datafile));
        Assert.Equal(MetricsLine(plain, run.Datafile), MetricsLine(warm, run.Datafile));
    }

    [Fact]
    public void Eval_recomputes_a_truncated_entry_with_one_warning_and_the_same_metrics()
    {
        using var run = new CachedRun(fixture);
        var cold = Eval(run.Run, run.Datafile);
        var entry = run.Entries[0];
        var bytes = File.ReadAllBytes(entry);
        File.WriteAllBytes(entry, bytes[..(bytes.Length / 3)]);

        var repaired = Eval(run.Run, run.Datafile);

        Assert.Equal(0, repaired.ExitCode);
        Assert.Equal($"warning: features.cache: '{entry}' is damaged (truncated or altered); recomputing it (other damaged entries are recomputed without a warning)\n", repaired.Error);
        Assert.Contains($"feature cache {run.CacheFolder}: 3 read, 1 computed\n", repaired.Out, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(entry));
        Assert.Equal(MetricsLine(cold, run.Datafile), MetricsLine(repaired, run.Datafile));
    }

    [Fact]
    public void Eval_by_windows_leaves_the_cache_alone_and_scores_as_without_it()
    {
        using var run = new CachedRun(fixture);
        Eval(run.Run, run.Datafile);
        var entries = run.Entries.Select(File.ReadAllBytes).ToArray();

        var windowed = Eval(run.Run, run.Datafile, "--window", "32");
        var plain = Eval(fixture.Checkpoint, run.Datafile, "--window", "32");

        Assert.Equal(0, windowed.ExitCode);
        Assert.DoesNotContain("feature cache", windowed.Out, StringComparison.Ordinal);
        Assert.Equal(MetricsLine(plain, run.Datafile), MetricsLine(windowed, run.Datafile));
        Assert.Equal(entries, run.Entries.Select(File.ReadAllBytes));
    }

    [Fact]
    public void Eval_with_a_cache_folder_that_cannot_be_made_warns_once_and_finishes()
    {
        using var run = new CachedRun(fixture, cache: "taken/cache");
        var taken = Path.GetDirectoryName(run.CacheFolder)!;
        File.WriteAllText(taken, "a file where the cache folder's parent should be");

        var outcome = Eval(run.Run, run.Datafile);
        var plain = Eval(fixture.Checkpoint, run.Datafile);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(
            $"warning: features.cache: cannot write to '{run.CacheFolder}': '{taken}' is a file, not a folder; continuing without the cache; " +
            "set features { cache = off } or a writable path\n", outcome.Error);
        Assert.Contains($"feature cache {run.CacheFolder}: 0 read, 4 computed\n", outcome.Out, StringComparison.Ordinal);
        Assert.Equal(MetricsLine(plain, run.Datafile), MetricsLine(outcome, run.Datafile));
    }

    [Fact]
    public void Cache_lists_the_folder_and_clean_removes_only_stale_entries_then_all()
    {
        using var run = new CachedRun(fixture);
        Eval(run.Run, run.Datafile);
        var entryBytes = new FileInfo(run.Entries[0]).Length;
        Assert.All(run.Entries, entry => Assert.Equal(entryBytes, new FileInfo(entry).Length));

        var listing = Astc.Run("cache", run.Run);
        Assert.Equal(0, listing.ExitCode);
        Assert.Equal($"cache folder: {run.CacheFolder}\nentries: 4 ({4 * entryBytes} bytes)\nstale: 0\n", listing.Out);

        var foreign = new[] { "notes.fbank", "readme.txt" }.Select(name => Path.Combine(run.CacheFolder, name)).ToArray();
        foreach (var file in foreign) File.WriteAllText(file, "not a cache entry");
        var temporary = Path.Combine(run.CacheFolder, "0A.fbank.0123456789abcdef.tmp-2147483647");
        File.WriteAllText(temporary, "half an entry");
        File.Delete(run.Clips[1]);
        File.SetLastWriteTimeUtc(run.Clips[2], File.GetLastWriteTimeUtc(run.Clips[2]).AddMinutes(1));

        var stale = Astc.Run("cache", run.Run);
        Assert.Equal($"cache folder: {run.CacheFolder}\nentries: 4 ({4 * entryBytes} bytes)\n" +
            $"stale: 2 ({2 * entryBytes} bytes): 1 source file changed, 1 source file gone\ntemporary files of killed writers: 1\n", stale.Out);

        var clean = Astc.Run("cache", run.Run, "--clean");
        Assert.Equal(0, clean.ExitCode);
        Assert.EndsWith($"removed 2 stale entries and 1 temporary file from {run.CacheFolder}, freed {2 * entryBytes + 13} bytes\n", clean.Out, StringComparison.Ordinal);
        Assert.Equal(4, Directory.GetFiles(run.CacheFolder).Length);
        Assert.All(foreign, file => Assert.True(File.Exists(file)));
        Assert.Equal($"cache folder: {run.CacheFolder}\nentries: 2 ({2 * entryBytes} bytes)\nstale: 0\n", Astc.Run("cache", run.Run).Out);

        var all = Astc.Run("cache", run.Run, "--clean", "--all");
        Assert.EndsWith($"removed 2 entries from {run.CacheFolder}, freed {2 * entryBytes} bytes\n", all.Out, StringComparison.Ordinal);
        Assert.Equal(foreign.Order(StringComparer.Ordinal), Directory.GetFiles(run.CacheFolder).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Cache_of_the_spec_finds_the_runs_entries_and_judges_them_by_its_front_end()
    {
        using var run = new CachedRun(fixture);
        Eval(run.Run, run.Datafile);
        var entryBytes = new FileInfo(run.Entries[0]).Length;
        string Spec(string name, string window)
        {
            var path = Path.Combine(Path.GetDirectoryName(run.CacheFolder)!, name);
            File.WriteAllText(path, $$"""
                experiment {{Path.GetFileNameWithoutExtension(name)}}
                features { mel_bins = 32; target_length = 64 frames; window = {{window}}; cache = on }
                model { width = 16; depth = 1; heads = 2; patch = 16; stride = 16 x 16; tokens = cls; labels = 3; pretrain none }
                data { train = "{{run.Datafile}}"; eval = "{{run.Datafile}}"; label_csv = "{{fixture.LabelCsv}}" }
                train { batch = 2; epochs = 1 }
                """);
            return path;
        }

        var same = Astc.Run("cache", Spec("tiny_cache.ast", "hanning"));
        var other = Astc.Run("cache", Spec("tiny_cache_hamming.ast", "hamming"));

        Assert.Equal($"cache folder: {run.CacheFolder}\nentries: 4 ({4 * entryBytes} bytes)\nstale: 0\n", same.Out);
        Assert.Equal($"cache folder: {run.CacheFolder}\nentries: 4 ({4 * entryBytes} bytes)\nstale: 4 ({4 * entryBytes} bytes): 4 other front-end settings\n", other.Out);
    }

    [Fact]
    public void Cache_refuses_all_without_clean_and_a_run_without_a_cache()
    {
        using var run = new CachedRun(fixture, cache: null);

        var all = Astc.Run("cache", run.Run, "--all");
        var off = Astc.Run("cache", run.Run);

        Assert.Equal((2, "error: --all removes entries and goes with --clean: astc cache SPEC --clean --all.\n"), (all.ExitCode, all.Error));
        Assert.Equal((2, $"error: the run in {run.Run} had features.cache off, so it has no cache folder.\n"), (off.ExitCode, off.Error));
    }
}
