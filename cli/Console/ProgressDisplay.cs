using AstDsl.Training.Progress;
using Spectre.Console;

namespace AstDsl.Cli.Console;

/// <summary>Chooses the progress display: live on an interactive terminal, periodic plain lines otherwise.</summary>
public static class ProgressDisplay
{
    /// <summary>Seconds between plain progress lines.</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(30);

    /// <summary>Whether standard output is an interactive terminal (and not CI).</summary>
    public static bool IsInteractive =>
        !System.Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="body"/> with the display suited to this console.</summary>
    public static T Run<T>(Func<IProgressReporter, T> body)
    {
        if (!IsInteractive) return body(new PlainProgressReporter(System.Console.Out, PlainInterval));
        return AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new ProgressBarColumn(), new PercentageColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .Start(context => body(new LiveProgressReporter(context)));
    }
}
