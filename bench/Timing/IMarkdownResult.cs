namespace AstDsl.Bench.Timing;

/// <summary>A result that also reads as a Markdown report; <see cref="ResultFile"/> writes it beside the JSON (same name, .md).</summary>
public interface IMarkdownResult
{
    /// <summary>The report.</summary>
    string ToMarkdown();
}
