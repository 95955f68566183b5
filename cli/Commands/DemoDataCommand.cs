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
        var command = new Command("demo-data", "Write the built-in demo dataset (10 synthetic sound-event classes, multi-label).") { dir, seed };
        command.SetAction(result => UserErrors.Guard(() =>
        {
            Write(result.GetValue(dir)!, result.GetValue(seed));
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Writes the dataset and says where it went.</summary>
    /// <exception cref="IOException"><paramref name="dir"/> is an existing file.</exception>
    public static DemoDatasetResult Write(DirectoryInfo dir, int seed)
    {
        if (File.Exists(dir.FullName))
            throw new IOException($"{dir.FullName} is a file, not a folder; name a new or existing folder for the demo dataset (e.g. astc demo-data demo-data).");
        var written = DemoDataset.Write(dir.FullName, seed);
        System.Console.WriteLine($"demo dataset: {written.TrainClips} training and {written.EvalClips} evaluation clips in {dir.FullName}");
        return written;
    }
}
