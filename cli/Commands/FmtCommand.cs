using System.CommandLine;
using AstDsl.Cli.Console;
using AstDsl.Dsl.Printing;

namespace AstDsl.Cli.Commands;

/// <summary><c>astc fmt SPEC [--check]</c>: rewrite a spec in canonical layout.</summary>
public static class FmtCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var spec = new Argument<FileInfo>("spec") { Description = "The .ast spec to format in place." };
        var check = new Option<bool>("--check") { Description = "Only report whether the file is already formatted (exit 1 if not)." };
        var stdout = new Option<bool>("--stdout") { Description = "Print the formatted spec instead of rewriting the file." };
        var command = new Command("fmt", "Format a spec canonically.") { spec, check, stdout };
        command.SetAction(result => Run(result.GetValue(spec)!, result.GetValue(check), result.GetValue(stdout)));
        return command;
    }

    private static int Run(FileInfo spec, bool checkOnly, bool toStdout) => UserErrors.Guard(() =>
    {
        var text = File.ReadAllText(spec.FullName);
        var formatted = SpecFormatter.Format(text, spec.FullName);
        if (DiagnosticPrinter.Print(formatted.Diagnostics) || formatted.Text is null) return ExitCodes.SpecErrors;
        if (toStdout)
        {
            System.Console.Write(formatted.Text);
            return ExitCodes.Ok;
        }
        if (checkOnly)
        {
            var same = formatted.Text == text;
            System.Console.WriteLine(same ? $"{spec.Name}: formatted" : $"{spec.Name}: would be reformatted");
            return same ? ExitCodes.Ok : ExitCodes.SpecErrors;
        }
        if (formatted.Text != text) File.WriteAllText(spec.FullName, formatted.Text);
        return ExitCodes.Ok;
    });
}
