using System.CommandLine;
using System.Globalization;
using AstDsl.Cli.Console;
using AstDsl.Dsl;
using Spectre.Console;

namespace AstDsl.Cli.Commands;

/// <summary><c>astc check SPEC</c>: diagnostics, or the inferred shapes, parameter count and FLOPs.</summary>
public static class CheckCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var spec = new Argument<FileInfo>("spec") { Description = "The .ast spec to check." };
        var command = new Command("check", "Check a spec and print its inferred shapes, parameters and FLOPs.") { spec };
        command.SetAction(result => Run(result.GetValue(spec)!));
        return command;
    }

    private static int Run(FileInfo spec)
    {
        var compilation = SpecCompiler.Load(spec.FullName);
        if (DiagnosticPrinter.Print(compilation.Diagnostics) || compilation.Spec is null) return ExitCodes.SpecErrors;
        var resolved = compilation.Spec;
        var shapes = resolved.Shapes;
        var table = new Table().AddColumn("quantity").AddColumn(new TableColumn("value").RightAligned());
        table.Title = new TableTitle($"{resolved.Name} ({spec.Name})");
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("input (frames x mel bins)", $"{resolved.Model.InputTDim} x {resolved.Model.InputFDim}");
        Row("patch grid (f_dim x t_dim)", $"{shapes.FDim} x {shapes.TDim}");
        Row("patches", shapes.PatchCount.ToString(CultureInfo.InvariantCulture));
        Row("sequence length", shapes.TokenCount.ToString(CultureInfo.InvariantCulture));
        if (shapes.TrainingTokenCount != shapes.TokenCount)
            Row($"training sequence length ({resolved.Model.Patchout.SpecText()})", shapes.TrainingTokenCount.ToString(CultureInfo.InvariantCulture));
        Row("parameters", shapes.ParameterCount.ToString("N0", CultureInfo.InvariantCulture));
        Row("forward GFLOPs per clip", (shapes.Flops / 1e9).ToString("F2", CultureInfo.InvariantCulture));
        if (shapes.TrainingFlops != shapes.Flops)
            Row("training forward GFLOPs per clip", (shapes.TrainingFlops / 1e9).ToString("F2", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }
}
