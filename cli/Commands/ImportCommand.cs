using System.CommandLine;
using AstDsl.Cli.Console;
using AstDsl.Training.Checkpoints;

namespace AstDsl.Cli.Commands;

/// <summary>
/// <c>astc import SOURCE --out MODEL.astckpt</c>: turns a released checkpoint (official AST .pth/.safetensors, Hugging
/// Face folder) into an AstDsl checkpoint with the inferred shape, features, labels and activation, and prints what it
/// derived or assumed.
/// </summary>
public static class ImportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "Official AST .pth/.safetensors, or a Hugging Face model folder (config.json + model.safetensors)." };
        var output = new Option<FileInfo>("--out") { Description = "The .astckpt to write.", Required = true };
        var flags = new ImportFlags();
        var command = new Command("import", "Convert a released AST or Hugging Face checkpoint into an .astckpt.") { source, output };
        flags.AddTo(command);
        command.SetAction(result => UserErrors.Guard(() =>
        {
            var from = result.GetValue(source)!;
            using var imported = CheckpointImport.Import(from, flags.Read(result));
            var target = result.GetValue(output)!.FullName;
            TrainingCheckpoint.SaveWeights(target, imported.Model, imported.Metadata);
            CheckpointPrinter.Print(imported.Metadata);
            System.Console.WriteLine($"wrote {target}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
