using System.Text;

namespace AstDsl.Audio.Data;

/// <summary>Splits one CSV line into fields: comma separated, double-quoted fields may hold commas and "" escapes.</summary>
internal static class CsvLine
{
    /// <summary>The fields of <paramref name="line"/>, or null with <paramref name="error"/> set when a quote is unbalanced.</summary>
    public static List<string>? Split(string line, out string? error)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') field.Append(line[++i]);
                else quoted = false;
            }
            else if (c == '"' && field.Length == 0 && !wasQuoted)
            {
                quoted = wasQuoted = true;
            }
            else if (c == ',')
            {
                fields.Add(wasQuoted ? field.ToString() : field.ToString().Trim());
                field.Clear();
                wasQuoted = false;
            }
            else
            {
                field.Append(c);
            }
        }
        if (quoted)
        {
            error = "a quoted field is not closed";
            return null;
        }
        fields.Add(wasQuoted ? field.ToString() : field.ToString().Trim());
        error = null;
        return fields;
    }

    /// <summary>A field quoted when it contains a comma, a quote or surrounding spaces.</summary>
    public static string Quote(string field) =>
        field.IndexOfAny([',', '"']) >= 0 || field.Trim() != field ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
