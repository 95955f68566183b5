using System.CommandLine;
using System.Globalization;
using AstDsl.Audio.Features;
using AstDsl.Cli.Console;

namespace AstDsl.Cli.Commands;

/// <summary><c>astc stats DATAFILE</c>: dataset fbank mean and std for the spec's <c>features { mean; std }</c>.</summary>
public static class StatsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var datafile = new Argument<FileInfo>("datafile") { Description = "Datafile in the official JSON format." };
        var melBins = new Option<int>("--mel-bins") { Description = "Mel bins, as in the spec.", DefaultValueFactory = _ => 128 };
        var targetLength = new Option<int>("--target-length") { Description = "Frames per clip, as in the spec.", DefaultValueFactory = _ => 1024 };
        var command = new Command("stats", "Compute the dataset mean and std of the fbank (as the official get_norm_stats).") { datafile, melBins, targetLength };
        command.SetAction(result => UserErrors.Guard(() =>
        {
            var options = new ClipPipelineOptions
            {
                Fbank = FbankOptions.Official with { MelBins = result.GetValue(melBins) },
                TargetLength = result.GetValue(targetLength),
                SkipNormalization = true,
            };
            using var pipeline = new ClipPipeline(options);
            var stats = FbankStatistics.ForDatafile(result.GetValue(datafile)!.FullName, pipeline);
            System.Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "{0} clips, {1} values\nfeatures {{\n  mean = {2:R}\n  std = {3:R}\n}}", stats.Clips, stats.Values, stats.Mean, stats.Std));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
