namespace AstDsl.Cli;

/// <summary>Process exit codes of astc.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>The spec (or another input file) has errors; nothing ran.</summary>
    public const int SpecErrors = 1;
    /// <summary>A run-time failure: missing data, bad checkpoint, diverged training...</summary>
    public const int RuntimeFailure = 2;
    /// <summary>Training stopped by Ctrl-C or SIGTERM after saving a resumable checkpoint (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
