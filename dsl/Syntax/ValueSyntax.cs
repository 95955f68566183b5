using AstDsl.Dsl.Text;

namespace AstDsl.Dsl.Syntax;

/// <summary>A value on the right of <c>key = ...</c>. Records compare structurally, including <see cref="Span"/>.</summary>
/// <param name="Span">Where the value is written.</param>
public abstract record ValueSyntax(SourceSpan Span)
{
    /// <summary>The same value with every position cleared, for comparisons that ignore layout.</summary>
    public abstract ValueSyntax WithoutPositions();
}

/// <summary>A number with an optional unit: <c>16 kHz</c>, <c>1e-5</c>, <c>1024 frames</c>.</summary>
/// <param name="Text">The digits as written; the formatter prints them back unchanged.</param>
/// <param name="Value">The numeric value.</param>
/// <param name="Unit">Unit word, or null.</param>
/// <param name="Span">Where the number (and unit) is written.</param>
public sealed record NumberSyntax(string Text, double Value, string? Unit, SourceSpan Span) : ValueSyntax(Span)
{
    /// <summary>True when written without a decimal point or exponent.</summary>
    public bool IsInteger => Text.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;

    /// <inheritdoc />
    public override ValueSyntax WithoutPositions() => Strip();

    /// <summary>The same number with its position cleared.</summary>
    public NumberSyntax Strip() => this with { Span = default };
}

/// <summary>A double-quoted string.</summary>
/// <param name="Value">The unescaped text.</param>
/// <param name="Span">Where the literal is written.</param>
public sealed record StringSyntax(string Value, SourceSpan Span) : ValueSyntax(Span)
{
    /// <inheritdoc />
    public override ValueSyntax WithoutPositions() => Strip();

    /// <summary>The same string with its position cleared.</summary>
    public StringSyntax Strip() => this with { Span = default };
}

/// <summary>A bare name: an option (<c>bce</c>), a switch (<c>on</c>) or a metric.</summary>
/// <param name="Name">The identifier.</param>
/// <param name="Span">Where it is written.</param>
public sealed record IdentifierSyntax(string Name, SourceSpan Span) : ValueSyntax(Span)
{
    /// <inheritdoc />
    public override ValueSyntax WithoutPositions() => this with { Span = default };
}

/// <summary>Two numbers joined by <c>x</c>: <c>16 x 16</c>, <c>10 x 10</c>.</summary>
/// <param name="First">Left number (frequency side).</param>
/// <param name="Second">Right number (time side).</param>
/// <param name="Span">Where the pair is written.</param>
public sealed record PairSyntax(NumberSyntax First, NumberSyntax Second, SourceSpan Span) : ValueSyntax(Span)
{
    /// <inheritdoc />
    public override ValueSyntax WithoutPositions() => new PairSyntax(First.Strip(), Second.Strip(), default);
}

/// <summary>An inclusive integer range: <c>6..25</c>.</summary>
/// <param name="Start">First element.</param>
/// <param name="End">Last element.</param>
/// <param name="Span">Where the range is written.</param>
public sealed record RangeSyntax(NumberSyntax Start, NumberSyntax End, SourceSpan Span) : ValueSyntax(Span)
{
    /// <inheritdoc />
    public override ValueSyntax WithoutPositions() => new RangeSyntax(Start.Strip(), End.Strip(), default);
}

/// <summary>A bracketed list: <c>[mAP, acc]</c>.</summary>
/// <param name="Items">Elements in order.</param>
/// <param name="Span">Where the list is written.</param>
public sealed record ListSyntax(ValueList<ValueSyntax> Items, SourceSpan Span) : ValueSyntax(Span)
{
    /// <inheritdoc />
    public override ValueSyntax WithoutPositions() =>
        new ListSyntax(Items.Select(item => item.WithoutPositions()).ToValueList(), default);
}

/// <summary>A parenthesised tuple: <c>(0.95, 0.999)</c>.</summary>
/// <param name="Items">Elements in order.</param>
/// <param name="Span">Where the tuple is written.</param>
public sealed record TupleSyntax(ValueList<ValueSyntax> Items, SourceSpan Span) : ValueSyntax(Span)
{
    /// <inheritdoc />
    public override ValueSyntax WithoutPositions() =>
        new TupleSyntax(Items.Select(item => item.WithoutPositions()).ToValueList(), default);
}

/// <summary>A function-like value with positional or named arguments: <c>adam(lr: 1e-5)</c>, <c>audioset("x.pth")</c>.</summary>
/// <param name="Name">Function name.</param>
/// <param name="Arguments">Arguments in order.</param>
/// <param name="Span">Where the call is written.</param>
public sealed record CallSyntax(string Name, ValueList<ArgumentSyntax> Arguments, SourceSpan Span) : ValueSyntax(Span)
{
    /// <inheritdoc />
    public override ValueSyntax WithoutPositions() =>
        new CallSyntax(Name, Arguments.Select(argument => argument.WithoutPositions()).ToValueList(), default);
}

/// <summary>One call argument: <c>lr: 1e-5</c> (named) or <c>"x.pth"</c> (positional, <see cref="Name"/> null).</summary>
/// <param name="Name">Argument name, or null when positional.</param>
/// <param name="Value">Argument value.</param>
/// <param name="Span">Where the argument (name included) is written.</param>
public sealed record ArgumentSyntax(string? Name, ValueSyntax Value, SourceSpan Span)
{
    /// <summary>The same argument with every position cleared.</summary>
    public ArgumentSyntax WithoutPositions() => new(Name, Value.WithoutPositions(), default);
}
