using System.Text.Json;

namespace AstDsl.Bench.Timing;

/// <summary>Writes benchmark results as indented JSON, by default to bench/results/{name}-{UTC time}.json (and .md for an <see cref="IMarkdownResult"/>).</summary>
public static class ResultFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Writes <paramref name="result"/> and returns the path written.</summary>
    public static string Write(string benchmark, object result, string? path)
    {
        path ??= Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "results",
            $"{benchmark}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
        path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(result, Json) + "\n");
        if (result is IMarkdownResult report) File.WriteAllText(Path.ChangeExtension(path, ".md"), report.ToMarkdown());
        return path;
    }
}
