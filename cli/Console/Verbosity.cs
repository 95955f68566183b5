namespace AstDsl.Cli.Console;

/// <summary>Whether informational lines (which generated class is used, in-memory compilation) are printed: <c>--verbose</c>.</summary>
public static class Verbosity
{
    /// <summary>Set once from the command line before any command runs.</summary>
    public static bool Enabled { get; set; }

    /// <summary>Writes <paramref name="line"/> to standard error when <c>--verbose</c> was given.</summary>
    public static void Info(string line)
    {
        if (Enabled) System.Console.Error.WriteLine(line);
    }
}
