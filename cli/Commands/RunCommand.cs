using System.CommandLine;
using AstDsl.Cli.Console;
using AstDsl.Hosting;
using AstDsl.Training;
using AstDsl.Training.Errors;
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
        var runs = CommonOptions.Runs();
        var epochs = new Option<int?>("--epochs") { Description = "Override the spec's epoch count (for a quick try)." };
        epochs.Validators.Add(option =>
        {
            if (option.GetValueOrDefault<int?>() is < 1 and var n)
                option.AddError($"--epochs {n}: train at least 1 epoch (leave --epochs out to use the spec's train.epochs).");
        });
        var allowSpecChange = new Option<bool>("--allow-spec-change")
        {
            Description = "With --resume: continue even though SPEC differs from the run's spec.yaml (the differing fields are listed).",
        };
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var command = new Command("run", "Train and evaluate the experiment a spec describes.") { spec, resume, runs, epochs, allowSpecChange, device, threads };
        command.SetAction(result => Run(result.GetValue(spec)!, new RunOptions
        {
            Device = result.GetValue(device)!,
            Threads = result.GetValue(threads),
            RunsRoot = result.GetValue(runs)!.FullName,
            ResumeFrom = result.GetValue(resume)?.FullName,
            EpochsOverride = result.GetValue(epochs),
            AllowSpecChange = result.GetValue(allowSpecChange),
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
            try
            {
                var result = ProgressDisplay.Run(reporter => ExperimentRunner.Run(experiment.Definition!, experiment.Experiment!.CreateModel, options, reporter));
                RunSummary.Print(result);
                return ExitCodes.Ok;
            }
            catch (TrainingInterruptedException stopped)
            {
                // Asked for by the user, so not an error: said once, with how to continue.
                System.Console.Error.WriteLine(stopped.Message);
                return ExitCodes.Interrupted;
            }
        });
    }
}
