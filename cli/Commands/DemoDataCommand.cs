using System.CommandLine;
using AstDsl.Audio.Demo;
using AstDsl.Cli.Console;

namespace AstDsl.Cli.Commands;

/// <summary><c>astc demo-data DIR</c>: write the built-in synthetic sound-event dataset.</summary>
public static class DemoDataCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "Output folder.", DefaultValueFactory = _ => new DirectoryInfo("demo-data") };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same files).", DefaultValueFactory = _ => 0 };
        var defaults = new DemoOptions();
        var trainClips = new Option<int>("--train-clips") { Description = "Clips in train.json (e.g. a larger unlabelled pool for pretraining).", DefaultValueFactory = _ => defaults.TrainClips };
        var evalClips = new Option<int>("--eval-clips") { Description = "Clips in eval.json.", DefaultValueFactory = _ => defaults.EvalClips };
        foreach (var count in new[] { trainClips, evalClips })
            count.Validators.Add(option =>
            {
                if (option.GetValueOrDefault<int>() is < 1 and var n)
                    option.AddError($"{count.Name} {n}: write at least 1 clip.");
            });
        var command = new Command("demo-data", "Write the built-in demo dataset (10 synthetic sound-event classes, multi-label).") { dir, seed, trainClips, evalClips };
        command.SetAction(result => UserErrors.Guard(() =>
        {
            Write(result.GetValue(dir)!, result.GetValue(seed), defaults with { TrainClips = result.GetValue(trainClips), EvalClips = result.GetValue(evalClips) });
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Writes the dataset and says where it went.</summary>
    /// <exception cref="IOException"><paramref name="dir"/> is an existing file.</exception>
    /// <exception cref="ArgumentException">A clip count is not positive.</exception>
    public static DemoDatasetResult Write(DirectoryInfo dir, int seed, DemoOptions? options = null)
    {
        if (File.Exists(dir.FullName))
            throw new IOException($"{dir.FullName} is a file, not a folder; name a new or existing folder for the demo dataset (e.g. astc demo-data demo-data).");
        var written = DemoDataset.Write(dir.FullName, seed, options);
        System.Console.WriteLine($"demo dataset: {written.TrainClips} training and {written.EvalClips} evaluation clips in {dir.FullName}");
        return written;
    }
}
