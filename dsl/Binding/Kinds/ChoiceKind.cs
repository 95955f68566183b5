using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Syntax;

namespace AstDsl.Dsl.Binding.Kinds;

/// <summary>
/// One of several named variants, each with its own arguments: <c>multistep(start: 2, gamma: 0.5)</c>,
/// <c>audioset("x.pth")</c>, or a bare <c>constant</c> when no argument is required. Produces a <see cref="Choice"/>.
/// </summary>
internal sealed class ChoiceKind : ValueKind
{
    private readonly IReadOnlyDictionary<string, Parameter[]> variants;

    public ChoiceKind(IReadOnlyDictionary<string, Parameter[]> variants) => this.variants = variants;

    public override string Description => "one of " + string.Join(", ", variants.Keys.Select(v => variants[v].Length == 0 ? v : v + "(...)"));

    public override object? Bind(ValueSyntax value, string name, BindContext context)
    {
        var (variant, span, arguments) = value switch
        {
            IdentifierSyntax identifier => (identifier.Name, identifier.Span, ValueList<ArgumentSyntax>.Empty),
            CallSyntax call => (call.Name, call.Span, call.Arguments),
            _ => (null, default, null),
        };
        if (variant is null || arguments is null) return WrongType(value, name, context);
        if (!variants.TryGetValue(variant, out var parameters))
            return context.Report(DiagnosticCatalog.UnknownOption, span,
                $"'{variant}' is not an option of '{name}'; {Suggestions.DidYouMean(variant, variants.Keys)}");

        var bound = new Dictionary<string, Bound>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < arguments.Count; i++)
            ok &= BindArgument(arguments[i], i, parameters, $"{name}: {variant}", bound, context);

        foreach (var missing in parameters.Where(p => p.Required && !bound.ContainsKey(p.Name)))
        {
            ok = false;
            context.Report(DiagnosticCatalog.MissingRequired, span,
                $"'{variant}' needs the argument '{missing.Name}' ({missing.Kind.Description}); write {variant}({missing.Name}: ...)");
        }

        return ok ? new Choice(variant, bound) : null;
    }

    private static bool BindArgument(
        ArgumentSyntax argument, int position, Parameter[] parameters, string owner, Dictionary<string, Bound> bound, BindContext context)
    {
        var parameter = argument.Name is null
            ? position < parameters.Length ? parameters[position] : null
            : parameters.FirstOrDefault(p => p.Name == argument.Name);
        if (parameter is null)
        {
            var message = argument.Name is null
                ? $"'{owner}' takes at most {parameters.Length} argument(s); remove this one"
                : $"'{owner}' has no argument '{argument.Name}'; {Suggestions.DidYouMean(argument.Name, parameters.Select(p => p.Name))}";
            context.Report(DiagnosticCatalog.UnknownArgument, argument.Span, message);
            return false;
        }

        if (bound.ContainsKey(parameter.Name))
        {
            context.Report(DiagnosticCatalog.Duplicate, argument.Span, $"'{owner}' gets '{parameter.Name}' twice; keep one");
            return false;
        }

        var value = parameter.Kind.Bind(argument.Value, $"{owner}.{parameter.Name}", context);
        if (value is null) return false;
        bound[parameter.Name] = new Bound(value, argument.Value.Span);
        return true;
    }
}
