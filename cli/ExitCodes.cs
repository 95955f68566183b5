namespace AstDsl.Cli;

/// <summary>Process exit codes of astc.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>The spec has errors (or <c>fmt --check</c> would reformat it); nothing ran.</summary>
    public const int SpecErrors = 1;
    /// <summary>Anything else that failed: a bad command line, missing or damaged data or checkpoint, a run-time error.</summary>
    public const int RuntimeFailure = 2;
    /// <summary>Training stopped by Ctrl-C or SIGTERM after saving a resumable checkpoint (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
