namespace AstDsl.Dsl.Loading;

/// <summary>Reads specs from disk.</summary>
public sealed class DiskFileSystem : IFileSystem
{
    /// <summary>The shared instance.</summary>
    public static DiskFileSystem Instance { get; } = new();

    /// <inheritdoc />
    public string? TryReadAllText(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable is reported like missing (AST0009): the checker must answer with diagnostics, never throw.
            return null;
        }
    }
}
