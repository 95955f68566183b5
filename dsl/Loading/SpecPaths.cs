namespace AstDsl.Dsl.Loading;

/// <summary>
/// Textual path arithmetic for <c>extends</c>. It never touches the disk, so the source generator (which must not do
/// file I/O) resolves the same paths as <c>astc</c>.
/// </summary>
public static class SpecPaths
{
    /// <summary><paramref name="relative"/> resolved against the folder of <paramref name="fromFile"/> (absolute paths pass through).</summary>
    public static string Resolve(string fromFile, string relative)
    {
        if (IsRooted(relative)) return Normalize(relative);
        return Normalize(Directory(fromFile) + "/" + relative);
    }

    /// <summary>The folder part of <paramref name="path"/> ("." when there is none).</summary>
    public static string Directory(string path)
    {
        var normalized = Normalize(path);
        var slash = normalized.LastIndexOf('/');
        return slash switch
        {
            < 0 => ".",
            0 => "/",
            _ => normalized.Substring(0, slash),
        };
    }

    /// <summary>Forward slashes, no "." segments, ".." folded where possible.</summary>
    public static string Normalize(string path)
    {
        var unified = path.Replace('\\', '/');
        var rooted = unified.StartsWith("/", StringComparison.Ordinal);
        var segments = new List<string>();
        foreach (var segment in unified.Split('/'))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == ".." && segments.Count > 0 && segments[segments.Count - 1] != "..") segments.RemoveAt(segments.Count - 1);
            else if (segment != ".." || !rooted) segments.Add(segment);
        }

        var joined = string.Join("/", segments);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    private static bool IsRooted(string path) =>
        path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal) ||
        (path.Length >= 2 && path[1] == ':');
}
