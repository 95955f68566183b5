namespace AstDsl.Dsl.Loading;

/// <summary>Reads specs from disk.</summary>
public sealed class DiskFileSystem : IFileSystem
{
    /// <summary>The shared instance.</summary>
    public static DiskFileSystem Instance { get; } = new();

    /// <summary>
    /// The text of <paramref name="path"/>, or null when it is missing or unreadable. At most
    /// <see cref="SpecLoader.MaxSpecLength"/> + 1 characters are read, so a device such as /dev/zero or a huge file
    /// cannot exhaust memory; the loader reports the longer text as too large.
    /// </summary>
    public string? TryReadAllText(string path)
    {
        try
        {
            if (!File.Exists(path)) return null;
            using var reader = new StreamReader(path);
            var buffer = new char[SpecLoader.MaxSpecLength + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = reader.Read(buffer, length, buffer.Length - length)) > 0) length += read;
            return new string(buffer, 0, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable is reported like missing (AST0009): the checker must answer with diagnostics, never throw.
            return null;
        }
    }
}
