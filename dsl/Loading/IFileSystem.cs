namespace AstDsl.Dsl.Loading;

/// <summary>Where spec text comes from: the disk for <c>astc</c>, the compiler's AdditionalFiles for the source generator.</summary>
public interface IFileSystem
{
    /// <summary>The text of <paramref name="path"/>, or null when there is no such file.</summary>
    string? TryReadAllText(string path);
}
