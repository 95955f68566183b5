using AstDsl.Audio;
using AstDsl.Network.Checkpoints;

namespace AstDsl.Cli.Console;

/// <summary>
/// The one place where a failure becomes what the user sees: a failure the user can act on is one clear line on
/// standard error; anything else is a bug, whose stack trace goes to a crash log (never to the terminal) and is
/// reported as one line naming that log. Both exit with code 2 (runtime failure); spec errors (1) never get here.
/// </summary>
public static class UserErrors
{
    /// <summary>
    /// Runs <paramref name="body"/>; returns its exit code, or 2 after reporting a failure. <paramref name="runLog"/>
    /// names the run's log once a run exists, so that a crash is recorded with the run rather than elsewhere.
    /// </summary>
    public static int Guard(Func<int> body, Func<string?>? runLog = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            System.Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.RuntimeFailure;
        }
        catch (Exception e)
        {
            var log = CrashLog.Write(e, runLog?.Invoke());
            System.Console.Error.WriteLine(log is null
                ? $"error: astc failed unexpectedly ({Describe(e)}); no log could be written."
                : $"error: astc failed unexpectedly ({Describe(e)}); the details are in {log}. Please report it with that file.");
            return ExitCodes.RuntimeFailure;
        }
    }

    /// <summary>Whether <paramref name="e"/> was raised on purpose with a message meant for the user.</summary>
    public static bool IsUserFacing(Exception e) =>
        e is CheckpointException or AudioFormatException or ArgumentException or IOException
            or InvalidDataException or UnauthorizedAccessException
        || e.GetType().Namespace?.StartsWith("AstDsl.", StringComparison.Ordinal) == true;

    private static string Describe(Exception e)
    {
        var message = e.Message.Split('\n', 2)[0].Trim();
        return e is OutOfMemoryException ? "out of memory" : $"{e.GetType().Name}: {message}";
    }
}
