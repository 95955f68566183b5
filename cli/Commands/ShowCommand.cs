using System.CommandLine;
using AstDsl.Cli.Console;
using AstDsl.Dsl;
using AstDsl.Dsl.Serialization;
using AstDsl.Training.Checkpoints;

namespace AstDsl.Cli.Commands;

/// <summary><c>astc show SPEC</c>: the resolved spec (defaults, extends flattened, inferred shapes) as YAML.</summary>
public static class ShowCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var spec = new Argument<FileInfo>("spec") { Description = "The .ast spec to resolve, or a checkpoint (.astckpt, run folder, official AST or Hugging Face) to describe." };
        var command = new Command("show", "Print the resolved spec as YAML, or what a checkpoint holds.") { spec };
        command.SetAction(result =>
        {
            if (!result.GetValue(spec)!.Name.EndsWith(".ast", StringComparison.OrdinalIgnoreCase))
                return UserErrors.Guard(() =>
                {
                    CheckpointPrinter.Print(ModelSource.Load(result.GetValue(spec)!.FullName).Metadata);
                    return ExitCodes.Ok;
                });
            var compilation = SpecCompiler.Load(result.GetValue(spec)!.FullName);
            if (DiagnosticPrinter.Print(compilation.Diagnostics) || compilation.Spec is null) return ExitCodes.SpecErrors;
            System.Console.Write(SpecYaml.Serialize(compilation.Spec));
            return ExitCodes.Ok;
        });
        return command;
    }
}
