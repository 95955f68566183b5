using System.CommandLine;
using AstDsl.Cli.Commands;
using AstDsl.Cli.Console;

namespace AstDsl.Cli;

/// <summary>The astc command line: builds the commands, reports usage errors and runs the chosen command under <see cref="UserErrors"/>.</summary>
public static class AstcApp
{
    /// <summary><c>--verbose</c>, accepted by every command.</summary>
    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Also print informational lines (which generated experiment class is used and whether it was compiled in memory).",
        Recursive = true,
    };

    /// <summary>Runs astc with <paramref name="args"/>; returns the process exit code (0 ok, 1 spec errors, 2 anything else that failed).</summary>
    public static int Run(string[] args)
    {
        var root = new RootCommand("astc: define, train, evaluate and run Audio Spectrogram Transformers from .ast specs.")
        {
            CheckCommand.Create(), FmtCommand.Create(), ShowCommand.Create(), RunCommand.Create(), EvalCommand.Create(),
            InferCommand.Create(), TagCommand.Create(), EmbedCommand.Create(), EnsembleCommand.Create(), StatsCommand.Create(), CacheCommand.Create(), PrepareCommand.Create(),
            DemoDataCommand.Create(), DemoCommand.Create(), ExportCommand.Create(), ImportCommand.Create(), ExportHfCommand.Create(),
        };
        root.Options.Add(Verbose);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) System.Console.Error.WriteLine($"error: {error.Message}");
            var command = parsed.CommandResult.Command;
            System.Console.Error.WriteLine(command == root ? "usage: astc --help" : $"usage: astc {command.Name} --help");
            return ExitCodes.RuntimeFailure;
        }
        Verbosity.Enabled = parsed.GetValue(Verbose);
        return UserErrors.Guard(() => parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }));
    }
}
