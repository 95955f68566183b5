using AstDsl.Dsl.Syntax;

namespace AstDsl.Dsl.Binding.Kinds;

/// <summary>A value that can also be switched off with <c>off</c> or <c>none</c> (then <see cref="Disabled"/>).</summary>
internal sealed class OrOffKind : ValueKind
{
    private readonly ValueKind inner;

    public OrOffKind(ValueKind inner) => this.inner = inner;

    public override string Description => inner.Description + " or off";

    public override object? Bind(ValueSyntax value, string name, BindContext context) =>
        value is IdentifierSyntax { Name: "off" or "none" } ? Disabled.Instance : inner.Bind(value, name, context);
}
