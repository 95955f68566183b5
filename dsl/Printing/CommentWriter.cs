using System.Text;
using AstDsl.Dsl.Parsing;

namespace AstDsl.Dsl.Printing;

/// <summary>
/// The output of <see cref="SpecPrinter"/> with the source's comments consumed in order as the printer reaches the
/// elements they were written beside. Every line the printer starts is ended here, so a trailing comment can join it.
/// </summary>
internal sealed class CommentWriter
{
    private readonly IReadOnlyList<SourceComment> comments;
    private int next;

    public CommentWriter(IReadOnlyList<SourceComment> comments) => this.comments = comments;

    /// <summary>The text printed so far.</summary>
    public StringBuilder Text { get; } = new();

    /// <summary>Writes, each on its own line, the comments before <paramref name="end"/> (the end of the next element).</summary>
    public void Leading(int end, string indent)
    {
        for (; next < comments.Count && comments[next].Offset < end; next++)
            Text.Append(indent).Append(comments[next].Text).Append('\n');
    }

    /// <summary>Ends the current line, first appending the comment written on <paramref name="line"/> before <paramref name="nextStart"/>.</summary>
    public void Trailing(int line, int nextStart)
    {
        if (next < comments.Count && comments[next].Line == line && comments[next].Offset < nextStart)
            Text.Append(' ').Append(comments[next++].Text);
        Text.Append('\n');
    }

    /// <summary>Writes the comments after the last element on their own lines, after a blank line.</summary>
    public void Rest()
    {
        if (next < comments.Count) Text.Append('\n');
        Leading(int.MaxValue, "");
    }
}
