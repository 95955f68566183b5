using AstDsl.Dsl.Syntax;
using AstDsl.Dsl.Text;
using Sprache;

namespace AstDsl.Dsl.Parsing;

/// <summary>
/// Values: <c>6..25</c>, <c>16 x 16</c>, <c>25 ms</c>, <c>"path"</c>, <c>[a, b]</c>, <c>(0.95, 0.999)</c>,
/// <c>adam(lr: 1e-5)</c> and bare names. Alternatives backtrack, so the order only decides ties.
/// </summary>
internal sealed class ValueGrammar
{
    public ValueGrammar(Lexical lex)
    {
        var value = Parse.Ref(() => Value!);
        var range =
            from start in lex.Digits
            from _ in lex.Symbol("..")
            from end in lex.Digits
            select (start, end);
        var pair =
            from first in lex.Digits
            from _ in lex.SameLineSymbol("x")
            from second in lex.Digits
            select (first, second);
        var rangeValue = lex.Token(range.Span()).Select(s => (ValueSyntax)new RangeSyntax(s.Value.start, s.Value.end, lex.At(s)));
        var pairValue = lex.Token(pair.Span()).Select(s => (ValueSyntax)new PairSyntax(s.Value.first, s.Value.second, lex.At(s)));
        var items = value.DelimitedBy(lex.Symbol(",")).Optional().Select(found => found.GetOrElse(Array.Empty<ValueSyntax>()).ToValueList());
        var list = lex.Token(Enclosed(lex, "[", items, "]").Span()).Select(s => (ValueSyntax)new ListSyntax(s.Value, lex.At(s)));
        var tuple = lex.Token(Enclosed(lex, "(", items, ")").Span()).Select(s => (ValueSyntax)new TupleSyntax(s.Value, lex.At(s)));
        var named =
            from name in lex.Identifier
            from _ in lex.Symbol(":")
            from argumentValue in value
            select new ArgumentSyntax(name.Name, argumentValue, Join(name.Span, argumentValue.Span));
        var positional = value.Select(argumentValue => new ArgumentSyntax(null, argumentValue, argumentValue.Span));
        var arguments = named.Or(positional).DelimitedBy(lex.Symbol(",")).Optional()
            .Select(found => found.GetOrElse(Array.Empty<ArgumentSyntax>()).ToValueList());
        var call =
            from name in lex.Identifier
            from args in Enclosed(lex, "(", arguments, ")").Span()
            select (ValueSyntax)new CallSyntax(name.Name, args.Value, Join(name.Span, lex.At(args)));
        var identifier = lex.Identifier.Select(id => (ValueSyntax)new IdentifierSyntax(id.Name, id.Span));
        Value = rangeValue
            .Or(pairValue)
            .Or(lex.Number)
            .Or(lex.String)
            .Or(list)
            .Or(tuple)
            .Or(call)
            .Or(identifier);
        Call = call;
    }

    /// <summary>Any value.</summary>
    public Parser<ValueSyntax> Value { get; }

    /// <summary>A call value only.</summary>
    public Parser<ValueSyntax> Call { get; }

    /// <summary>The span from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    public static SourceSpan Join(SourceSpan first, SourceSpan last) =>
        first with { Length = last.Start + last.Length - first.Start, EndLine = last.EndLine, EndColumn = last.EndColumn };

    private static Parser<T> Enclosed<T>(Lexical lex, string open, Parser<T> inner, string close) =>
        from _ in Parse.String(open)
        from content in inner
        from __ in lex.Symbol(close)
        select content;
}
