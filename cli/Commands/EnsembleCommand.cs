using System.CommandLine;
using AstDsl.Cli.Console;
using AstDsl.Training.Evaluation;

namespace AstDsl.Cli.Commands;

/// <summary><c>astc ensemble DATAFILE CHECKPOINT...</c>: metrics of the mean prediction of several checkpoints or runs.</summary>
public static class EnsembleCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var datafile = new Argument<FileInfo>("datafile") { Description = "Datafile in the official JSON format." };
        var members = new Argument<string[]>("checkpoints") { Description = "Checkpoints or run directories (their best checkpoint).", Arity = new ArgumentArity(2, 1000) };
        var badFiles = CommonOptions.OnBadFile();
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var import = new ImportFlags();
        var command = new Command("ensemble", "Evaluate the average prediction of several models, as the paper's ensembles.") { datafile, members, badFiles, device, threads };
        import.AddTo(command);
        command.SetAction(result => UserErrors.Guard(() =>
        {
            CommonOptions.ApplyThreads(result.GetValue(threads));
            var checkpoints = result.GetValue(members)!.Select(ModelEvaluator.ResolveCheckpoint).ToList();
            var released = import.Read(result);
            var evaluation = ModelEvaluator.Ensemble(checkpoints, result.GetValue(datafile)!.FullName,
                new EvaluationOptions { Device = result.GetValue(device)!, Import = released, LabelCsv = released.LabelCsv, BadFiles = result.GetValue(badFiles) });
            EvaluationPrinter.Print(evaluation);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
