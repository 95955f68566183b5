using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Text;

namespace AstDsl.Dsl.Parsing;

/// <summary>
/// Rejects absurdly deep brackets before parsing: the combinator parser recurses once per level, and a stack
/// overflow would kill the compiler instead of producing a diagnostic.
/// </summary>
internal static class NestingGuard
{
    public const int MaxDepth = 64;

    /// <summary>An AST0001 at the first bracket deeper than <see cref="MaxDepth"/>, or null.</summary>
    public static Diagnostic? Check(string text, string file)
    {
        int depth = 0, line = 1, column = 1;
        var inString = false;
        var inComment = false;
        for (var i = 0; i < text.Length; i++, column++)
        {
            var c = text[i];
            if (c == '\n')
            {
                (line, column, inComment) = (line + 1, 0, false);
                inString = false;
                continue;
            }

            if (inComment) continue;
            if (inString)
            {
                if (c == '\\') (i, column) = (i + 1, column + 1);
                else if (c == '"') inString = false;
                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '#':
                case '/' when i + 1 < text.Length && text[i + 1] == '/':
                    inComment = true;
                    break;
                case '(' or '[' or '{' when ++depth > MaxDepth:
                    return DiagnosticCatalog.SyntaxError.At(
                        new SourceSpan(file, i, 1, line, column, line, column + 1),
                        $"brackets nest deeper than {MaxDepth} levels; flatten the value");
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return null;
    }
}
