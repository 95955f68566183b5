using System.CommandLine;
using AstDsl.Cli.Console;
using AstDsl.CodeGen.InMemory;
using AstDsl.Training;
using AstDsl.Training.Experiments;

namespace AstDsl.Cli.Commands;

/// <summary>
/// <c>astc run SPEC</c>: trains the experiment through the code generated for the spec: the class built into the
/// models assembly when its spec hash matches, otherwise the same generator compiled in memory. There is no second
/// interpreter of specs that could drift from the generator.
/// </summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var spec = new Argument<FileInfo>("spec") { Description = "The .ast experiment to train." };
        var resume = new Option<DirectoryInfo?>("--resume") { Description = "Continue the run in this run directory." };
        var runs = new Option<DirectoryInfo>("--runs") { Description = "Folder for run directories.", DefaultValueFactory = _ => new DirectoryInfo("runs") };
        var epochs = new Option<int?>("--epochs") { Description = "Override the spec's epoch count (for a quick try)." };
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var command = new Command("run", "Train and evaluate the experiment a spec describes.") { spec, resume, runs, epochs, device, threads };
        command.SetAction(result => Run(result.GetValue(spec)!, new RunOptions
        {
            Device = result.GetValue(device)!,
            Threads = result.GetValue(threads),
            RunsRoot = result.GetValue(runs)!.FullName,
            ResumeFrom = result.GetValue(resume)?.FullName,
            EpochsOverride = result.GetValue(epochs),
        }));
        return command;
    }

    /// <summary>Loads the generated experiment for <paramref name="spec"/> and runs it; returns the exit code.</summary>
    public static int Run(FileInfo spec, RunOptions options)
    {
        var experiment = GeneratedExperiments.Load(spec);
        if (experiment is null) return ExitCodes.SpecErrors;
        return UserErrors.Guard(() =>
        {
            CommonOptions.ApplyThreads(options.Threads);
            var result = ExperimentRunner.Run(experiment.Definition!, experiment.Experiment!.CreateModel, options);
            RunSummary.Print(result);
            return ExitCodes.Ok;
        });
    }
}
