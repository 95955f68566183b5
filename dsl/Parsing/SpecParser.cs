using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Syntax;
using AstDsl.Dsl.Text;
using Sprache;

namespace AstDsl.Dsl.Parsing;

/// <summary>
/// Parses spec text into a <see cref="SpecSyntax"/>. Never throws: a malformed line becomes an AST0001 diagnostic and
/// parsing resumes on the next line, so one run reports every syntax error in the file.
/// </summary>
public static class SpecParser
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="file"/> is recorded in every span.</summary>
    public static ParseResult Parse(string text, string file)
    {
        text = UnifyLineBreaks(text);
        if (NestingGuard.Check(text, file) is { } tooDeep) return new ParseResult(null, ValueList.Of(tooDeep));
        var lexical = new Lexical(file);
        var grammar = new SpecGrammar(lexical);
        var diagnostics = new List<Diagnostic>();
        IInput input = new Input(text);

        var header = grammar.Header(input);
        if (!header.WasSuccessful)
        {
            diagnostics.Add(SyntaxError(file, header, "a spec starts with `experiment <name>` (optionally `extends \"base.ast\"`)"));
            return new ParseResult(null, diagnostics.ToValueList());
        }

        input = header.Remainder;
        var blocks = new List<BlockSyntax>();
        while (true)
        {
            input = grammar.SkipTrivia(input);
            if (input.AtEnd) break;
            var open = grammar.BlockOpen(input);
            if (!open.WasSuccessful)
            {
                diagnostics.Add(SyntaxError(file, open, "write a block as `name { key = value ... }`"));
                input = SkipRestOfLine(open.Remainder, insideBlock: false);
                continue;
            }

            input = ParseFields(grammar, open.Value, open.Remainder, blocks, diagnostics, file);
        }

        var (name, nameSpan, extends) = header.Value;
        var all = diagnostics.Concat(lexical.Problems.Values).OrderBy(d => d.Span.Start).ToValueList();
        return new ParseResult(new SpecSyntax(name, extends, blocks.ToValueList(), nameSpan), all);
    }

    /// <summary>
    /// Lone CRs (old Mac line ends) become LFs, so lines are counted wherever a file breaks them; CRLF stays as it
    /// is (its LF counts). The length is unchanged, so offsets still index the original text.
    /// </summary>
    internal static string UnifyLineBreaks(string text)
    {
        if (text.IndexOf('\r') < 0) return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (chars[i] == '\r' && (i + 1 == chars.Length || chars[i + 1] != '\n')) chars[i] = '\n';
        return new string(chars);
    }

    private static IInput ParseFields(
        SpecGrammar grammar, (string Name, SourceSpan Span) block, IInput input, List<BlockSyntax> blocks, List<Diagnostic> diagnostics, string file)
    {
        var fields = new List<FieldSyntax>();
        var close = default(SourceSpan);
        while (true)
        {
            input = grammar.SkipTrivia(input);
            if (input.AtEnd)
            {
                diagnostics.Add(DiagnosticCatalog.SyntaxError.At(
                    PointAt(file, input),
                    $"block '{block.Name}' opened at line {block.Span.Line} is not closed; add `}}`"));
                break;
            }

            if (input.Current == '}')
            {
                close = PointAt(file, input);
                input = input.Advance();
                break;
            }

            var field = grammar.Field(input);
            if (field.WasSuccessful)
            {
                fields.Add(field.Value);
                input = field.Remainder;
            }
            else
            {
                diagnostics.Add(SyntaxError(file, field, "write a field as `key = value` (one per line or separated by `;`)"));
                input = SkipRestOfLine(field.Remainder, insideBlock: true);
            }
        }

        blocks.Add(new BlockSyntax(block.Name, fields.ToValueList(), block.Span, close));
        return input;
    }

    /// <summary>
    /// Resumes after an error: at the next line, after a `;`, or (inside a block) before the `}` that closes it.
    /// Outside a block at least one character is skipped, so the caller always makes progress.
    /// </summary>
    private static IInput SkipRestOfLine(IInput input, bool insideBlock)
    {
        var moved = false;
        while (!input.AtEnd)
        {
            var current = input.Current;
            if (current == '}' && (insideBlock || moved)) return input;
            input = input.Advance();
            moved = true;
            if (current is '\n' or ';') return input;
        }

        return input;
    }

    private static Diagnostic SyntaxError<T>(string file, IResult<T> failure, string hint)
    {
        var found = failure.Remainder.AtEnd ? "end of file" : $"'{Printable(failure.Remainder.Current)}'";
        var expected = failure.Expectations.Where(e => !string.IsNullOrWhiteSpace(e)).Distinct().ToList();
        var expectation = expected.Count == 0 ? "" : $", expected {string.Join(" or ", expected)}";
        return DiagnosticCatalog.SyntaxError.At(PointAt(file, failure.Remainder), $"unexpected {found}{expectation}; {hint}");
    }

    private static string Printable(char c) => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString();

    private static SourceSpan PointAt(string file, IInput input) =>
        new(file, input.Position, input.AtEnd ? 0 : 1, input.Line, input.Column, input.Line, input.Column + (input.AtEnd ? 0 : 1));
}
