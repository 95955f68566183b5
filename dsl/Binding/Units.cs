namespace AstDsl.Dsl.Binding;

/// <summary>The unit words and the base unit of their dimension (Hz, ms, frames, bins, steps).</summary>
internal static class Units
{
    public const string Frequency = "frequency";
    public const string Time = "time";
    public const string Frames = "frames";
    public const string Bins = "bins";
    public const string Steps = "steps";

    private static readonly Dictionary<string, (string Dimension, double Factor)> Table = new(StringComparer.Ordinal)
    {
        ["Hz"] = (Frequency, 1),
        ["kHz"] = (Frequency, 1000),
        ["ms"] = (Time, 1),
        ["s"] = (Time, 1000),
        ["frames"] = (Frames, 1),
        ["bins"] = (Bins, 1),
        ["steps"] = (Steps, 1),
    };

    /// <summary>All unit words, longest first so a regex alternation never stops at a prefix (<c>s</c> of <c>steps</c>).</summary>
    public static IEnumerable<string> Words => Table.Keys.OrderByDescending(word => word.Length);

    /// <summary>The dimension and base-unit factor of <paramref name="unit"/>.</summary>
    public static (string Dimension, double Factor) Of(string unit) => Table[unit];

    /// <summary>Unit words of <paramref name="dimension"/>, for messages.</summary>
    public static IEnumerable<string> WordsOf(string dimension) =>
        Table.Where(entry => entry.Value.Dimension == dimension).Select(entry => entry.Key);
}
