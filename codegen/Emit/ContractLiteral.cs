using System.Collections;
using System.Reflection;
using System.Text;

namespace AstDsl.CodeGen.Emit;

/// <summary>
/// C# source that rebuilds a value of the experiment contract: records become object initialisers listing every
/// settable property, enums their <c>global::</c> member, lists a <c>ValueList</c>. Written by reflection over the
/// contract, so a field added to a contract record reaches generated code without touching the generator.
/// </summary>
internal static class ContractLiteral
{
    private const string Indent = "    ";

    /// <summary>The expression for <paramref name="value"/>; nested initialisers are indented from <paramref name="indent"/>.</summary>
    public static string Of(object? value, string indent = "")
    {
        switch (value)
        {
            case null: return "null";
            case string text: return CSharpLiteral.String(text);
            case bool flag: return CSharpLiteral.Bool(flag);
            case int number: return CSharpLiteral.Int(number);
            case long number: return CSharpLiteral.Long(number);
            case double number: return CSharpLiteral.Double(number);
            case Enum member: return $"{TypeName(member.GetType())}.{member}";
            case ValueTuple<int, int> pair: return $"({CSharpLiteral.Int(pair.Item1)}, {CSharpLiteral.Int(pair.Item2)})";
            case IEnumerable items: return List(items, value.GetType());
            default: return Record(value, indent);
        }
    }

    /// <summary>The <c>global::</c>-qualified name of a contract type.</summary>
    public static string TypeName(Type type) => "global::" + type.FullName;

    private static string List(IEnumerable items, Type listType)
    {
        var element = listType.GetInterfaces().Concat(new[] { listType })
            .First(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .GetGenericArguments()[0];
        var elements = items.Cast<object>().Select(item => Of(item)).ToList();
        var keyword = element == typeof(int) ? "int" : element == typeof(string) ? "string" : TypeName(element);
        return $"global::AstDsl.Contract.ValueList.Of<{keyword}>({string.Join(", ", elements)})";
    }

    private static string Record(object value, string indent)
    {
        var type = value.GetType();
        if (type.Namespace != typeof(AstOptions).Namespace)
            throw new InvalidOperationException($"generated code cannot rebuild a {type.FullName}; only experiment-contract values");
        var inner = indent + Indent;
        var text = new StringBuilder().Append("new ").Append(TypeName(type)).AppendLine().Append(indent).AppendLine("{");
        foreach (var property in Settable(type))
            text.Append(inner).Append(property.Name).Append(" = ").Append(Of(property.GetValue(value), inner)).AppendLine(",");
        return text.Append(indent).Append('}').ToString();
    }

    // Init-only properties in declaration order; computed ones (AstOptions.FDim, ...) have no setter.
    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0)
            .OrderBy(property => property.MetadataToken);
}
