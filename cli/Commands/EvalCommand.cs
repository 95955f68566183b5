using System.CommandLine;
using AstDsl.Cli.Console;
using AstDsl.Network.Devices;
using AstDsl.Training.Evaluation;

namespace AstDsl.Cli.Commands;

/// <summary><c>astc eval CHECKPOINT DATAFILE</c>: the paper's metrics of a trained model on a datafile.</summary>
public static class EvalCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var checkpoint = new Argument<FileInfo>("checkpoint") { Description = "A checkpoint written by astc run (or a run directory)." };
        var datafile = new Argument<FileInfo>("datafile") { Description = "Datafile in the official JSON format." };
        var labels = new Option<FileInfo?>("--labels") { Description = "class_labels_indices.csv (default: the one stored with the checkpoint)." };
        var batch = new Option<int>("--batch") { Description = "Clips per batch.", DefaultValueFactory = _ => 24 };
        var badFiles = CommonOptions.OnBadFile();
        var window = WindowOptions.Window();
        var hop = WindowOptions.Hop();
        var device = CommonOptions.Device();
        var threads = CommonOptions.Threads();
        var precision = CommonOptions.Precision();
        var import = new ImportFlags(withLabels: false);
        var command = new Command("eval", "Evaluate a checkpoint on a datafile (mAP, mAUC, d-prime, accuracy).") { checkpoint, datafile, labels, batch, badFiles, window, hop, device, threads, precision };
        import.AddTo(command);
        command.SetAction(result => UserErrors.Guard(() =>
        {
            CommonOptions.ApplyThreads(result.GetValue(threads));
            if (HalfPrecisionSupport.SlowdownWarning(result.GetValue(precision), DeviceSelector.Resolve(result.GetValue(device)!)) is { } slow)
                System.Console.Error.WriteLine($"warning: {slow}");
            var evaluation = ModelEvaluator.Evaluate(ModelEvaluator.ResolveCheckpoint(result.GetValue(checkpoint)!.FullName),
                result.GetValue(datafile)!.FullName, new EvaluationOptions
                {
                    LabelCsv = result.GetValue(labels)?.FullName,
                    BatchSize = result.GetValue(batch),
                    BadFiles = result.GetValue(badFiles),
                    Window = result.GetValue(window),
                    Hop = result.GetValue(hop),
                    Device = result.GetValue(device)!,
                    Precision = result.GetValue(precision),
                    Import = import.Read(result) with { LabelCsv = result.GetValue(labels)?.FullName },
                });
            EvaluationPrinter.Print(evaluation);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
