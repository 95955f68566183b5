namespace AstDsl.Dsl.Loading;

/// <summary>Specs held in memory, keyed by normalised path (the generator fills it from AdditionalFiles).</summary>
public sealed class InMemoryFileSystem : IFileSystem
{
    private readonly Dictionary<string, string> files = new(StringComparer.Ordinal);

    /// <summary>Holds the given (path, text) pairs.</summary>
    public InMemoryFileSystem(IEnumerable<KeyValuePair<string, string>> files)
    {
        foreach (var file in files) this.files[SpecPaths.Normalize(file.Key)] = file.Value;
    }

    /// <inheritdoc />
    public string? TryReadAllText(string path) => files.TryGetValue(SpecPaths.Normalize(path), out var text) ? text : null;
}
