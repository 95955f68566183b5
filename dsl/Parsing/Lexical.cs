using System.Globalization;
using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Syntax;
using AstDsl.Dsl.Text;
using Sprache;

namespace AstDsl.Dsl.Parsing;

/// <summary>Tokens of the spec language: trivia (whitespace, <c>#</c> and <c>//</c> comments), names, numbers, strings.</summary>
internal sealed class Lexical
{
    private readonly string file;
    private readonly SortedDictionary<int, Diagnostic> problems = new();

    public Lexical(string file)
    {
        this.file = file;
        var comment = Parse.String("//").Or(Parse.String("#")).Then(_ => Parse.CharExcept('\n').Many()).Return(' ');
        Trivia = Parse.WhiteSpace.Or(comment).Many().Return(' ');
        Identifier = Token(Parse.Identifier(Parse.Letter.Or(Parse.Char('_')), Parse.LetterOrDigit.Or(Parse.Char('_'))).Span())
            .Select(span => (span.Value, At(span)));
        var digits = AnchoredRegex.Of(@"-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?");
        Digits = Token(digits.Span()).Select(span => new NumberSyntax(span.Value, ParseDouble(span.Value), null, At(span)));
        var sameLineSpace = Parse.Chars(' ', '\t').Many();
        var unit = sameLineSpace.Then(_ => AnchoredRegex.Of("(" + string.Join("|", Binding.Units.Words) + @")\b"));
        Number = Token(digits.Then(text => unit.Optional().Select(u => (text, u))).Span())
            .Select(span => new NumberSyntax(span.Value.text, ParseDouble(span.Value.text), span.Value.u.GetOrDefault(), At(span)));
        var escaped = Parse.Char('\\').Then(_ => Parse.AnyChar).Span().Select(Unescape);
        var plain = Parse.CharExcept("\"\\\n").Select(c => c.ToString());
        String = Token(Parse.Char('"').Then(_ => escaped.Or(plain).Many().Select(parts => string.Concat(parts))).Then(text => Parse.Char('"').Return(text)).Span())
            .Select(span => new StringSyntax(span.Value, At(span)));
    }

    /// <summary>Whitespace and comments.</summary>
    public Parser<char> Trivia { get; }

    /// <summary>A name and where it is written.</summary>
    public Parser<(string Name, SourceSpan Span)> Identifier { get; }

    /// <summary>A number without unit (inside pairs and ranges).</summary>
    public Parser<NumberSyntax> Digits { get; }

    /// <summary>A number with an optional unit on the same line.</summary>
    public Parser<NumberSyntax> Number { get; }

    /// <summary>A double-quoted string with the escapes <c>\"</c>, <c>\\</c> and backslash-newline.</summary>
    public Parser<StringSyntax> String { get; }

    /// <summary><paramref name="parser"/> after optional trivia.</summary>
    public Parser<T> Token<T>(Parser<T> parser) => Trivia.Then(_ => parser);

    /// <summary>The punctuation or keyword <paramref name="text"/> after optional trivia.</summary>
    public Parser<string> Symbol(string text) => Token(Parse.String(text).Text());

    /// <summary>
    /// The punctuation <paramref name="text"/> on the same line as what precedes it: the <c>x</c> of a pair, so that a
    /// field written on the next line whose name starts with x and a digit (<c>x9 = 1</c>) is not read as a pair's second half.
    /// </summary>
    public Parser<string> SameLineSymbol(string text) => Parse.Chars(' ', '\t').Many().Then(_ => Parse.String(text).Text());

    /// <summary>A keyword: <paramref name="word"/> not followed by a name character.</summary>
    public Parser<string> Keyword(string word) =>
        Token(AnchoredRegex.Of(word + @"\b"));

    /// <summary>The source span of a parsed piece.</summary>
    public SourceSpan At<T>(ITextSpan<T> span) =>
        new(file, span.Start.Pos, span.Length, span.Start.Line, span.Start.Column, span.End.Line, span.End.Column);

    /// <summary>
    /// Problems found while reading tokens that do not stop the parse (unknown escapes), by offset: alternatives
    /// may read the same string more than once, and each problem must be reported once.
    /// </summary>
    public IReadOnlyDictionary<int, Diagnostic> Problems => problems;

    /// <summary>The character an escape stands for; an unknown escape keeps its backslash and is reported, never dropped.</summary>
    private string Unescape(ITextSpan<char> escape)
    {
        if (escape.Value is '"' or '\\' or '\n') return escape.Value.ToString();
        var shown = char.IsControl(escape.Value) ? $"\\u{(int)escape.Value:x4}" : escape.Value.ToString();
        problems[escape.Start.Pos] = DiagnosticCatalog.SyntaxError.At(At(escape),
            $"unknown escape '\\{shown}' in a string; write paths with '/' (it works on Windows too) or double the backslash ('\\\\')");
        return "\\" + escape.Value;
    }

    private static double ParseDouble(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
