namespace AstDsl.Dsl.Parsing;

/// <summary>A <c>#</c> or <c>//</c> comment as written: the parser skips comments, the formatter puts them back by position.</summary>
/// <param name="Text">The comment from its marker to the end of the line, trailing whitespace removed.</param>
/// <param name="Offset">Offset of the marker.</param>
/// <param name="Line">1-based line of the marker.</param>
internal sealed record SourceComment(string Text, int Offset, int Line)
{
    /// <summary>
    /// Every comment in <paramref name="text"/>, in source order. Follows the lexer's rules (a comment runs to the end of
    /// the line; <c>#</c> and <c>//</c> inside a string literal are text), so on a file that parses it finds exactly the
    /// comments the parser skipped.
    /// </summary>
    public static IReadOnlyList<SourceComment> Scan(string text)
    {
        var comments = new List<SourceComment>();
        var line = 1;
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n') line++;
            if (inString)
            {
                if (c == '\\' && i + 1 < text.Length)
                {
                    if (text[i + 1] == '\n') line++;
                    i++;
                }
                else if (c == '"' || c == '\n') inString = false;
            }
            else if (c == '"') inString = true;
            else if (c == '#' || (c == '/' && i + 1 < text.Length && text[i + 1] == '/'))
            {
                var end = text.IndexOf('\n', i);
                if (end < 0) end = text.Length;
                comments.Add(new SourceComment(text.Substring(i, end - i).TrimEnd(), i, line));
                i = end - 1;
            }
        }

        return comments;
    }
}
