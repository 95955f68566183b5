using AstDsl.Dsl.Syntax;

namespace AstDsl.Dsl.Binding.Kinds;

/// <summary>A boolean written <c>on</c>/<c>off</c> (or <c>true</c>/<c>false</c>, <c>yes</c>/<c>no</c>). Produces a <see cref="bool"/>.</summary>
internal sealed class SwitchKind : ValueKind
{
    private static readonly Dictionary<string, bool> Words = new(StringComparer.Ordinal)
    {
        ["on"] = true, ["true"] = true, ["yes"] = true,
        ["off"] = false, ["false"] = false, ["no"] = false,
    };

    public static SwitchKind Instance { get; } = new();

    public override string Description => "on or off";

    public override object? Bind(ValueSyntax value, string name, BindContext context) =>
        Read(value) is { } on ? on : WrongType(value, name, context);

    /// <summary>The switch <paramref name="value"/> writes, or null when it is not one of the switch words.</summary>
    public static bool? Read(ValueSyntax value) =>
        value is IdentifierSyntax identifier && Words.TryGetValue(identifier.Name, out var on) ? on : null;
}
