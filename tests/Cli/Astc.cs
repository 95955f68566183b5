using AstDsl.Cli;
using Spectre.Console;

namespace AstDsl.Cli.Tests;

/// <summary>What one astc invocation returned and printed.</summary>
internal sealed record Outcome(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}

/// <summary>Runs astc in-process through its public entry point, capturing standard output and error.</summary>
internal static class Astc
{
    public static Outcome Run(params string[] args)
    {
        var (stdout, stderr) = (System.Console.Out, System.Console.Error);
        var (output, error) = (new StringWriter(), new StringWriter());
        System.Console.SetOut(output);
        System.Console.SetError(error);
        // Spectre binds its console to a writer once; tables must land in this invocation's capture.
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), ColorSystem = ColorSystemSupport.NoColors });
        try
        {
            return new Outcome(AstcApp.Run(args), output.ToString(), error.ToString());
        }
        finally
        {
            System.Console.SetOut(stdout);
            System.Console.SetError(stderr);
        }
    }
}
