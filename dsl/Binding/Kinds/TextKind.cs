using AstDsl.Dsl.Syntax;

namespace AstDsl.Dsl.Binding.Kinds;

/// <summary>A quoted string, e.g. a path. Produces a <see cref="string"/>.</summary>
internal sealed class TextKind : ValueKind
{
    public static TextKind Instance { get; } = new();

    public override string Description => "a quoted string";

    public override object? Bind(ValueSyntax value, string name, BindContext context) =>
        value is StringSyntax text ? text.Value : WrongType(value, name, context);
}
