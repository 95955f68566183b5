namespace AstDsl.Dsl.Loading;

/// <summary>Reads specs from disk.</summary>
public sealed class DiskFileSystem : IFileSystem
{
    /// <summary>The shared instance.</summary>
    public static DiskFileSystem Instance { get; } = new();

    /// <inheritdoc />
    public string? TryReadAllText(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
