using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Syntax;

namespace AstDsl.Dsl.Binding.Kinds;

/// <summary>One name out of a fixed set (<c>loss = bce</c>). Produces the name as a <see cref="string"/>.</summary>
internal sealed class OptionKind : ValueKind
{
    public OptionKind(params string[] options) => Options = options;

    public IReadOnlyList<string> Options { get; }

    public override string Description => "one of " + string.Join(", ", Options);

    public override object? Bind(ValueSyntax value, string name, BindContext context)
    {
        if (value is not IdentifierSyntax identifier) return WrongType(value, name, context);
        if (Options.Contains(identifier.Name)) return identifier.Name;
        return context.Report(DiagnosticCatalog.UnknownOption, identifier.Span,
            $"'{identifier.Name}' is not an option of '{name}'; {Suggestions.DidYouMean(identifier.Name, Options)}");
    }
}
