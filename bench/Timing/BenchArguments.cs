namespace AstDsl.Bench.Timing;

/// <summary>
/// "--name value" options after the benchmark name, read against the options the benchmark declares before it runs:
/// an unknown name or a malformed value is an error at once, so a typo does not cost a run.
/// </summary>
public sealed class BenchArguments
{
    private readonly HashSet<IBenchOption> _declared;
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);

    /// <summary>Parses pairs of "--name value" for the <paramref name="declared"/> options.</summary>
    public BenchArguments(IReadOnlyList<string> args, IEnumerable<IBenchOption> declared)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(declared);
        _declared = declared.ToHashSet();
        var byName = _declared.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var unknown = new List<string>();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                throw new ArgumentException($"expected '--name value' pairs, got '{string.Join(' ', args.Skip(i))}'");
            var name = args[i][2..];
            if (byName.TryGetValue(name, out var option)) _values[name] = option.Parse(args[i + 1]);
            else unknown.Add(args[i]);
        }
        if (unknown.Count > 0) throw new ArgumentException("unknown option(s): " + string.Join(", ", unknown.Distinct()));
    }

    /// <summary>The value given for <paramref name="option"/>, or its default.</summary>
    public T Get<T>(BenchOption<T> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        if (!_declared.Contains(option)) throw new InvalidOperationException($"--{option.Name} is not among the declared options");
        return _values.TryGetValue(option.Name, out var value) ? (T)value : option.Default;
    }
}
