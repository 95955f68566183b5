using AstDsl.Dsl.Merging;
using AstDsl.Dsl.Text;

namespace AstDsl.Dsl.Binding;

/// <summary>The merged spec with every valid field converted, keyed <c>block.field</c>; invalid fields are absent.</summary>
internal sealed class BoundSpec
{
    private readonly IReadOnlyDictionary<string, Bound> fields;

    public BoundSpec(MergedSpec merged, IReadOnlyDictionary<string, Bound> fields)
    {
        Merged = merged;
        this.fields = fields;
    }

    public MergedSpec Merged { get; }

    public Bound? Find(string key) => fields.TryGetValue(key, out var bound) ? bound : null;

    public int Int(string key, int fallback) => Find(key)?.Value is Measure measure ? (int)measure.Value : fallback;

    public double Real(string key, double fallback) => Find(key)?.Value is Measure measure ? measure.Value : fallback;

    public bool Switch(string key, bool fallback) => Find(key)?.Value is bool on ? on : fallback;

    public string Option(string key, string fallback) => Find(key)?.Value as string ?? fallback;

    /// <summary>The contract enum member an option word names (the schema admits only <see cref="LanguageWords"/> of <typeparamref name="T"/>).</summary>
    public T Word<T>(string key, T fallback) where T : struct, Enum =>
        Find(key)?.Value is string word ? LanguageWords.Parse<T>(word) : fallback;

    /// <summary>The text of <paramref name="key"/>; null when absent, invalid or switched off.</summary>
    public string? Text(string key) => Find(key)?.Value as string;

    public (int First, int Second)? Pair(string key) => Find(key)?.Value is ValueTuple<int, int> pair ? pair : null;

    public Choice? Choice(string key) => Find(key)?.Value as Choice;

    /// <summary>Whether the merged spec has the block <paramref name="name"/>, even an empty one.</summary>
    public bool HasBlock(string name) => Merged.Blocks.Any(block => block.Name == name);

    /// <summary>
    /// True when one of <paramref name="keys"/> is written but its value was rejected (and reported): rules across
    /// fields skip such fields instead of checking the default in their place, which would add a second, wrong error.
    /// </summary>
    public bool AnyRejected(params string[] keys) => keys.Any(key => Find(key) is null && IsWritten(key));

    /// <summary>Where <paramref name="keys"/> (first one set) are written, else the experiment name: the best place to point at.</summary>
    public SourceSpan SpanOf(params string[] keys) =>
        keys.Select(Find).FirstOrDefault(bound => bound is not null)?.Span ?? Merged.Span;

    private bool IsWritten(string key)
    {
        var dot = key.IndexOf('.');
        var block = Merged.Blocks.FirstOrDefault(b => b.Name == key.Substring(0, dot));
        return block?.Fields.Any(field => field.Key == key.Substring(dot + 1)) == true;
    }
}
