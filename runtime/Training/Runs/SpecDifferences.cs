using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace AstDsl.Training.Runs;

/// <summary>
/// The fields in which two resolved specs (the YAML stored in a run and the one of the spec given now) differ, as
/// <c>block.field</c> paths. Where the spec file lives and its hash are not part of the experiment, nor are the
/// shapes derived from it.
/// </summary>
public static class SpecDifferences
{
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "spec", "spec_hash", "extends", "shapes" };

    /// <summary>One line per differing field: <c>train.lr: 0.002 in the run, 0.001 in SPEC</c>.</summary>
    public static IReadOnlyList<string> Between(string runYaml, string specYaml)
    {
        var run = Flatten(runYaml);
        var spec = Flatten(specYaml);
        return run.Keys.Union(spec.Keys).Where(key => !Ignored.Contains(key.Split('.')[0]))
            .Where(key => run.GetValueOrDefault(key) != spec.GetValueOrDefault(key))
            .Select(key => $"{key}: {Show(run.GetValueOrDefault(key))} in the run, {Show(spec.GetValueOrDefault(key))} in SPEC")
            .ToArray();
    }

    private static string Show(string? value) => value is null ? "absent" : value.Length == 0 ? "empty" : value;

    private static Dictionary<string, string> Flatten(string yaml)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count > 0) Add(fields, "", stream.Documents[0].RootNode);
        return fields;
    }

    private static void Add(Dictionary<string, string> fields, string path, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                    Add(fields, path.Length == 0 ? ((YamlScalarNode)key).Value! : $"{path}.{((YamlScalarNode)key).Value}", value);
                break;
            case YamlSequenceNode sequence:
                fields[path] = "[" + string.Join(", ", sequence.Children.Select(c => c is YamlScalarNode s ? s.Value : c.ToString())) + "]";
                break;
            case YamlScalarNode scalar:
                fields[path] = Normalize(scalar.Value ?? "");
                break;
        }
    }

    // 2e-3 and 0.002 are the same learning rate.
    private static string Normalize(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number.ToString("R", CultureInfo.InvariantCulture)
            : value;
}
