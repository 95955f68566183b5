using AstDsl.Audio;
using AstDsl.Model.Checkpoints;

namespace AstDsl.Cli.Console;

/// <summary>
/// Runs a command body and turns the failures a user can act on into one clear line on standard error and exit
/// code 2, instead of a stack trace. Anything else is a bug and keeps its stack trace.
/// </summary>
public static class UserErrors
{
    /// <summary>Runs <paramref name="body"/>; returns its exit code, or 2 after reporting a user-facing failure.</summary>
    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            System.Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.RuntimeFailure;
        }
    }

    private static bool IsUserFacing(Exception e) =>
        e is CheckpointException or AudioFormatException or ArgumentException or FileNotFoundException
            or DirectoryNotFoundException or InvalidDataException or UnauthorizedAccessException
        || e.GetType().Namespace?.StartsWith("AstDsl.", StringComparison.Ordinal) == true;
}
