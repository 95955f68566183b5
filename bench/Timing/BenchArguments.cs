using System.Globalization;

namespace AstDsl.Bench.Timing;

/// <summary>"--name value" options after the benchmark name; unknown names are an error so typos do not go unnoticed.</summary>
public sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>Parses pairs of "--name value".</summary>
    public BenchArguments(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                throw new ArgumentException($"expected '--name value' pairs, got '{string.Join(' ', args.Skip(i))}'");
            _values[args[i][2..]] = args[i + 1];
        }
    }

    /// <summary>An integer option or its default.</summary>
    public int Int(string name, int fallback) => Get(name, fallback, s => int.Parse(s, CultureInfo.InvariantCulture));

    /// <summary>A number option or its default.</summary>
    public double Double(string name, double fallback) => Get(name, fallback, s => double.Parse(s, CultureInfo.InvariantCulture));

    /// <summary>A text option or its default.</summary>
    public string Text(string name, string fallback) => Get(name, fallback, s => s);

    /// <summary>Throws when an option was given that no benchmark asked for.</summary>
    public void RejectUnused()
    {
        var unused = _values.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unused.Count > 0) throw new ArgumentException("unknown option(s): " + string.Join(", ", unused.Select(u => "--" + u)));
    }

    private T Get<T>(string name, T fallback, Func<string, T> parse)
    {
        _used.Add(name);
        if (!_values.TryGetValue(name, out var text)) return fallback;
        try
        {
            return parse(text);
        }
        catch (FormatException)
        {
            throw new ArgumentException($"--{name}: '{text}' is not a valid {typeof(T).Name}");
        }
    }
}
