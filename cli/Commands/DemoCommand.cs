using System.CommandLine;
using AstDsl.Training.Experiments;

namespace AstDsl.Cli.Commands;

/// <summary>
/// <c>astc demo</c>: the newcomer's one command: writes the demo dataset beside the models folder (if absent) and
/// runs <c>models/demo.ast</c> on it.
/// </summary>
public static class DemoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var spec = new Option<FileInfo>("--spec") { Description = "The demo spec.", DefaultValueFactory = _ => new FileInfo(Path.Combine("models", "demo.ast")) };
        var runs = CommonOptions.Runs();
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var command = new Command("demo", "Write the demo dataset (once) and train models/demo.ast on it.") { spec, runs, device, threads };
        command.SetAction(result =>
        {
            var specFile = result.GetValue(spec)!;
            // demo.ast reads ../demo-data relative to its own folder.
            var data = new DirectoryInfo(Path.Combine(specFile.Directory?.Parent?.FullName ?? ".", "demo-data"));
            if (!File.Exists(Path.Combine(data.FullName, "train.json"))) DemoDataCommand.Write(data, seed: 0);
            return RunCommand.Run(specFile, new RunOptions
            {
                Device = result.GetValue(device)!,
                Threads = result.GetValue(threads),
                RunsRoot = result.GetValue(runs)!.FullName,
            });
        });
        return command;
    }
}
