using AstDsl.Dsl.Syntax;

namespace AstDsl.Dsl.Binding.Kinds;

/// <summary>
/// <c>on</c>, <c>off</c> or a quoted string (e.g. <c>cache = on | off | "path"</c>): a <see cref="bool"/> for the
/// switch words, a <see cref="string"/> for the text, so the resolver can give <c>on</c> its default.
/// </summary>
internal sealed class SwitchOrTextKind : ValueKind
{
    public static SwitchOrTextKind Instance { get; } = new();

    public override string Description => "on, off or a quoted string";

    public override object? Bind(ValueSyntax value, string name, BindContext context) =>
        value is StringSyntax text ? text.Value : SwitchKind.Read(value) is { } on ? on : WrongType(value, name, context);
}
