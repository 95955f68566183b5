using System.CommandLine;
using System.Globalization;
using AstDsl.Audio.Features;
using AstDsl.Cli.Console;
using AstDsl.Training.Data;
using AstDsl.Training.Runs;

namespace AstDsl.Cli.Commands;

/// <summary>
/// <c>astc stats SPEC|DATAFILE</c>: dataset fbank mean and std for the spec's <c>features { mean; std }</c>. Given a
/// spec, the training datafile goes through the spec's own front end (mel bins, frames, window, resampling, downmix), so
/// the statistics match what training sees; given a datafile, the official front end or the flags.
/// </summary>
public static class StatsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var input = new Argument<FileInfo>("input") { Description = "A .ast spec (statistics of its training datafile through its front end) or a datafile in the official JSON format." };
        var melBins = new Option<int?>("--mel-bins") { Description = $"Mel bins, for a datafile (default {FbankOptions.Official.MelBins}; a spec sets its own)." };
        var targetLength = new Option<int?>("--target-length") { Description = $"Frames per clip, for a datafile (default {new ClipPipelineOptions().TargetLength}; a spec sets its own)." };
        var fold = new Option<int?>("--fold") { Description = "For a spec with folds: whose training datafile (default: the first fold)." };
        var command = new Command("stats", "Compute the dataset mean and std of the fbank (as the official get_norm_stats).") { input, melBins, targetLength, fold };
        command.SetAction(result => UserErrors.Guard(() =>
        {
            var file = result.GetValue(input)!;
            var source = file.Extension.Equals(".ast", StringComparison.OrdinalIgnoreCase)
                ? FromSpec(file, result.GetValue(melBins), result.GetValue(targetLength), result.GetValue(fold))
                : FromDatafile(file, result.GetValue(melBins), result.GetValue(targetLength));
            if (source is not var (datafile, options, origin)) return ExitCodes.SpecErrors;
            using var pipeline = new ClipPipeline(options with { SkipNormalization = true });
            System.Console.WriteLine($"front end ({origin}): {FrontEnd.Describe(pipeline.Options)}");
            System.Console.WriteLine($"datafile: {datafile}");
            var stats = FbankStatistics.ForDatafile(datafile, pipeline);
            System.Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "{0} clips, {1} values\nfeatures {{\n  mean = {2:R}\n  std = {3:R}\n}}", stats.Clips, stats.Values, stats.Mean, stats.Std));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static (string Datafile, ClipPipelineOptions Options, string Origin)? FromSpec(FileInfo spec, int? melBins, int? targetLength, int? fold)
    {
        if (melBins is not null || targetLength is not null)
            throw new ArgumentException($"--mel-bins and --target-length are for a datafile; {spec.Name} sets its own features (edit them there).");
        if (GeneratedExperiments.Load(spec)?.Definition is not { } definition) return null;
        var folds = definition.Data.Folds;
        if (fold is { } f && !folds.Contains(f))
            throw new ArgumentException(folds.Count == 0
                ? $"--fold {f}: {spec.Name} has no folds."
                : $"--fold {f}: {spec.Name} has folds {string.Join(", ", folds)}.");
        var used = folds.Count == 0 ? definition : FoldDefinition.For(definition, fold ?? folds[0]);
        var origin = folds.Count == 0 ? spec.Name : string.Create(CultureInfo.InvariantCulture, $"{spec.Name}, fold {fold ?? folds[0]}");
        return (DataFileLocator.Existing(used, used.Data.TrainFile, "data.train"), FeatureOptions.ToPipeline(used.Features), origin);
    }

    private static (string, ClipPipelineOptions, string) FromDatafile(FileInfo datafile, int? melBins, int? targetLength)
    {
        var defaults = new ClipPipelineOptions();
        var options = defaults with
        {
            Fbank = defaults.Fbank with { MelBins = melBins ?? defaults.Fbank.MelBins },
            TargetLength = targetLength ?? defaults.TargetLength,
        };
        var origin = melBins is null && targetLength is null ? "official defaults; pass the spec to use its front end" : "flags";
        return (datafile.FullName, options, origin);
    }
}
