using System.Globalization;

namespace AstDsl.CodeGen.Emit;

/// <summary>C# source text for constant values, culture-invariant and exact.</summary>
internal static class CSharpLiteral
{
    /// <summary>A verbatim string literal (keeps newlines, doubles quotes).</summary>
    public static string String(string value) => "@\"" + value.Replace("\"", "\"\"") + "\"";

    /// <summary>A nullable string: a literal or <c>null</c>.</summary>
    public static string NullableString(string? value) => value is null ? "null" : String(value);

    /// <summary>A double that round-trips exactly.</summary>
    public static string Double(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "d";

    /// <summary>A float that round-trips exactly.</summary>
    public static string Float(float value) => value.ToString("R", CultureInfo.InvariantCulture) + "f";

    /// <summary>A nullable double: a literal or <c>null</c>.</summary>
    public static string NullableDouble(double? value) => value is { } v ? Double(v) : "null";

    /// <summary>An int.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A long.</summary>
    public static string Long(long value) => value.ToString(CultureInfo.InvariantCulture) + "L";

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>An array expression of the given element literals.</summary>
    public static string Array(string elementType, IEnumerable<string> elements)
    {
        var items = elements.ToList();
        return items.Count == 0 ? $"global::System.Array.Empty<{elementType}>()" : $"new {elementType}[] {{ {string.Join(", ", items)} }}";
    }
}
