using AstDsl.Dsl.Syntax;
using AstDsl.Dsl.Text;
using Sprache;

namespace AstDsl.Dsl.Parsing;

/// <summary>The statement-level grammar: the header, block openings and fields. <see cref="SpecParser"/> drives it line by line.</summary>
internal sealed class SpecGrammar
{
    private readonly Lexical lex;

    public SpecGrammar(Lexical lex)
    {
        this.lex = lex;
        var values = new ValueGrammar(lex);
        Header =
            from _ in lex.Keyword("experiment")
            from name in lex.Identifier
            from extends in lex.Keyword("extends").Then(__ => lex.String).Optional()
            select (name.Name, name.Span, extends.GetOrDefault());
        BlockOpen =
            from name in lex.Identifier
            from _ in lex.Symbol("{")
            select name;
        // `pretrain audioset "x.pth"` is sugar for `pretrain = audioset("x.pth")`; only a literal may follow the
        // option name, so a bare name on the next line is never taken as its argument.
        var sugar =
            from option in lex.Identifier
            from argument in lex.String.Or<ValueSyntax>(lex.Number).Optional()
            select argument.IsDefined
                ? new CallSyntax(option.Name, ValueList.Of(new ArgumentSyntax(null, argument.Get(), argument.Get().Span)), ValueGrammar.Join(option.Span, argument.Get().Span))
                : (ValueSyntax)new IdentifierSyntax(option.Name, option.Span);
        Field =
            from key in lex.Identifier
            from value in lex.Symbol("=").Then(_ => values.Value).Or(sugar)
            from __ in lex.Symbol(";").Optional()
            select new FieldSyntax(key.Name, value, key.Span);
    }

    /// <summary><c>experiment name [extends "path"]</c>.</summary>
    public Parser<(string Name, SourceSpan Span, StringSyntax? Extends)> Header { get; }

    /// <summary><c>name {</c>.</summary>
    public Parser<(string Name, SourceSpan Span)> BlockOpen { get; }

    /// <summary><c>key = value</c> or <c>key option "literal"</c>, with an optional trailing <c>;</c>.</summary>
    public Parser<FieldSyntax> Field { get; }

    /// <summary>The input after any whitespace, comments and stray semicolons.</summary>
    public IInput SkipTrivia(IInput input)
    {
        while (true)
        {
            var after = lex.Trivia(input).Remainder;
            if (after.AtEnd || after.Current != ';') return after;
            input = after.Advance();
        }
    }
}
