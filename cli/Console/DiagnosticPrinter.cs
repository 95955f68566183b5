using AstDsl.Dsl.Diagnostics;

namespace AstDsl.Cli.Console;

/// <summary>Prints spec diagnostics in the compiler's <c>file(line,col): error ID: message</c> form.</summary>
public static class DiagnosticPrinter
{
    /// <summary>Writes every diagnostic to standard error; returns true when any is an error.</summary>
    public static bool Print(IEnumerable<Diagnostic> diagnostics)
    {
        var anyError = false;
        foreach (var diagnostic in diagnostics)
        {
            System.Console.Error.WriteLine(diagnostic.ToString());
            anyError |= diagnostic.IsError;
        }
        return anyError;
    }
}
