using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Printing;
using AstDsl.Dsl.Syntax;

namespace AstDsl.Dsl.Binding.Kinds;

/// <summary>What a field accepts and how its syntax becomes a checked value.</summary>
internal abstract class ValueKind
{
    /// <summary>What the field expects, for messages: "a whole number", "on or off".</summary>
    public abstract string Description { get; }

    /// <summary>The converted value, or null after reporting why <paramref name="value"/> does not fit.</summary>
    /// <param name="value">The written value.</param>
    /// <param name="name">The field or argument name for messages, e.g. <c>train.batch</c>.</param>
    /// <param name="context">Where problems go.</param>
    public abstract object? Bind(ValueSyntax value, string name, BindContext context);

    /// <summary>The AST0005 report for a value of the wrong shape.</summary>
    protected object? WrongType(ValueSyntax value, string name, BindContext context) =>
        context.Report(DiagnosticCatalog.WrongType, value.Span, $"'{name}' expects {Description}, not '{SpecPrinter.PrintValue(value)}'");
}
