using System.CommandLine;
using AstDsl.Cli.Console;
using AstDsl.Training.Checkpoints;

namespace AstDsl.Cli.Commands;

/// <summary>
/// <c>astc export-hf CHECKPOINT --out DIR</c>: writes any model AstDsl can load as a Hugging Face
/// ASTForAudioClassification folder (model.safetensors, config.json, preprocessor_config.json).
/// </summary>
public static class ExportHfCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var checkpoint = new Argument<string>("checkpoint") { Description = "An .astckpt, a run directory, or a released AST/Hugging Face checkpoint." };
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder to write.", Required = true };
        var flags = new ImportFlags();
        var command = new Command("export-hf", "Write a model as a Hugging Face ASTForAudioClassification folder.") { checkpoint, output };
        flags.AddTo(command);
        command.SetAction(result => UserErrors.Guard(() =>
        {
            var loaded = ModelSource.Load(result.GetValue(checkpoint)!, flags.Read(result));
            var folder = result.GetValue(output)!.FullName;
            foreach (var caveat in HuggingFaceExport.Write(loaded, folder)) System.Console.WriteLine($"note: {caveat}");
            System.Console.WriteLine($"wrote {folder} ({HuggingFaceExport.WeightFile}, config.json, preprocessor_config.json)");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
