using System.CommandLine;
using AstDsl.Audio;
using AstDsl.Audio.Features;
using AstDsl.Cli.Console;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Data;
using AstDsl.Training.Runs;

namespace AstDsl.Cli.Commands;

/// <summary>
/// <c>astc cache SPEC|RUN [--clean [--all]]</c>: the feature cache folder of a spec or run, its entries, their size and
/// how many are stale (their audio file is gone or changed, or they were made with other front-end settings than the
/// spec's, so no run of it reads them again); <c>--clean</c> removes the stale ones, <c>--all</c> every entry. Only
/// cache entries (and temporaries their killed writers left) are ever removed, never other files in the folder.
/// </summary>
public static class CacheCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var input = new Argument<FileInfo>("input") { Description = "A .ast spec, or a run folder (its spec.yaml names the cache, its checkpoints the front end)." };
        var clean = new Option<bool>("--clean") { Description = "Remove the stale entries (and temporaries of killed writers)." };
        var all = new Option<bool>("--all") { Description = "With --clean: remove every entry of the folder." };
        var command = new Command("cache", "List the feature cache of a spec or run; --clean removes stale entries.") { input, clean, all };
        command.SetAction(result => UserErrors.Guard(() =>
        {
            if (result.GetValue(all) && !result.GetValue(clean)) throw new ArgumentException("--all removes entries and goes with --clean: astc cache SPEC --clean --all.");
            var file = result.GetValue(input)!;
            var target = file.Extension.Equals(".ast", StringComparison.OrdinalIgnoreCase) ? FromSpec(file) : FromRun(file.FullName);
            if (target is not var (folder, options)) return ExitCodes.SpecErrors;
            var survey = FeatureCacheSurvey.Of(folder, options);
            Print(survey);
            if (result.GetValue(clean)) Clean(survey, result.GetValue(all));
            return ExitCodes.Ok;
        }));
        return command;
    }

    // The stem of the temporaries FeatureCache writes: ENTRY.fbank.GUID.tmp-PID.
    private const string TemporaryStem = "*" + FeatureCache.EntryExtension + ".*";

    private static (string Folder, ClipPipelineOptions Options)? FromSpec(FileInfo spec)
    {
        if (GeneratedExperiments.Load(spec)?.Definition is not { } definition) return null;
        var folder = FeatureCacheLocation.Of(definition)
            ?? throw new ArgumentException($"features.cache is off in {spec.Name}, so it has no cache folder; set features {{ cache = on }} or a path to name one.");
        return (folder, FeatureOptions.ToPipeline(definition.Features));
    }

    // A run's front end is the one its checkpoints record; spec.yaml names the folder.
    private static (string, ClipPipelineOptions) FromRun(string path)
    {
        var run = RunDirectory.Open(path);
        var folder = FeatureCacheLocation.OfRun(run.Path)
            ?? throw new ArgumentException($"the run in {run.Path} had features.cache off, so it has no cache folder.");
        var checkpoint = new[] { run.BestCheckpoint, run.LastCheckpoint }.FirstOrDefault(File.Exists)
            ?? throw new ArgumentException($"the run in {run.Path} has no checkpoint yet, which records its front end; pass its spec instead.");
        return (folder, FeatureOptions.ToPipeline(ModelSource.Load(checkpoint).Metadata.Features));
    }

    private static void Print(FeatureCacheSurvey survey)
    {
        var stale = survey.Stale;
        System.Console.WriteLine($"cache folder: {survey.Folder}");
        System.Console.WriteLine($"entries: {survey.Entries.Count} ({InputFile.Size(survey.Bytes)})");
        System.Console.WriteLine(stale.Count == 0 ? "stale: 0" : $"stale: {stale.Count} ({InputFile.Size(stale.Sum(e => e.Bytes))}): {Reasons(stale)}");
        var leftovers = StaleTempFiles.Find(survey.Folder, TemporaryStem);
        if (leftovers.Count > 0) System.Console.WriteLine($"temporary files of killed writers: {leftovers.Count}");
    }

    private static void Clean(FeatureCacheSurvey survey, bool all)
    {
        var doomed = all ? survey.Entries : survey.Stale;
        var freed = 0L;
        foreach (var entry in doomed)
        {
            File.Delete(entry.Path);
            freed += entry.Bytes;
            Verbosity.Info($"removed {entry.Path} ({entry.Stale ?? "current"})");
        }
        var leftovers = StaleTempFiles.Find(survey.Folder, TemporaryStem);
        foreach (var temporary in leftovers)
        {
            freed += new FileInfo(temporary).Length;
            File.Delete(temporary);
        }
        var what = Counted(doomed.Count, all ? "entry" : "stale entry", all ? "entries" : "stale entries");
        var extra = leftovers.Count > 0 ? " and " + Counted(leftovers.Count, "temporary file", "temporary files") : "";
        System.Console.WriteLine($"removed {what}{extra} from {survey.Folder}, freed {InputFile.Size(freed)}");
    }

    private static string Counted(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    // "2 source file gone, 1 other front-end settings"
    private static string Reasons(IEnumerable<CachedFeatureFile> stale) =>
        string.Join(", ", stale.GroupBy(e => e.Stale).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key}"));
}
