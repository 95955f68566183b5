using System.Globalization;

namespace AstDsl.Bench.Timing;

/// <summary>
/// An option with its default: declared once by a benchmark, it gives both the usage line and the value read from the
/// command line (<see cref="BenchArguments.Get{T}"/>).
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="name">The name after "--".</param>
/// <param name="fallback">The value when the option is not given.</param>
/// <param name="shown">How the usage line shows the default.</param>
/// <param name="parse">Reads the given text, throwing an <see cref="ArgumentException"/> naming the option when it is malformed.</param>
public sealed class BenchOption<T>(string name, T fallback, string shown, Func<string, T> parse) : IBenchOption
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <summary>The value when the option is not given.</summary>
    public T Default { get; } = fallback;

    /// <inheritdoc />
    public string Usage => $"[--{Name} {shown}]";

    /// <inheritdoc />
    public object Parse(string text) => parse(text)!;
}

/// <summary>The kinds of benchmark option, each read and reported the same way in every benchmark.</summary>
public static class BenchOption
{
    /// <summary>A whole number; the usage line shows <paramref name="shown"/> or the default.</summary>
    public static BenchOption<int> Int(string name, int fallback, string? shown = null) =>
        new(name, fallback, shown ?? fallback.ToString(CultureInfo.InvariantCulture), text => Number(name, text, int.Parse));

    /// <summary>A number; the usage line shows <paramref name="shown"/> or the default.</summary>
    public static BenchOption<double> Double(string name, double fallback, string? shown = null) =>
        new(name, fallback, shown ?? fallback.ToString(CultureInfo.InvariantCulture), text => Number(name, text, double.Parse));

    /// <summary>Any text; the usage line shows <paramref name="shown"/> or the default.</summary>
    public static BenchOption<string> Text(string name, string fallback, string? shown = null) => new(name, fallback, shown ?? fallback, text => text);

    /// <summary>"on" or "off".</summary>
    public static BenchOption<bool> Switch(string name, bool fallback) => new(name, fallback, "on|off", text => text switch
    {
        "on" => true,
        "off" => false,
        _ => throw new ArgumentException($"--{name}: '{text}' is neither on nor off"),
    });

    /// <summary>A comma-separated list read item by item ("none" or nothing: empty); the default is <paramref name="fallback"/> read the same way.</summary>
    public static BenchOption<T[]> List<T>(string name, string fallback, Func<string, T> item, string? shown = null)
    {
        T[] Parse(string text) => text == "none" ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(item).ToArray();
        return new(name, Parse(fallback), shown ?? fallback, Parse);
    }

    /// <summary>A comma-separated list of whole numbers (see <see cref="List{T}"/>).</summary>
    public static BenchOption<int[]> Ints(string name, string fallback, string? shown = null) =>
        List(name, fallback, text => Number(name, text, int.Parse), shown);

    /// <summary>A comma-separated list of <typeparamref name="TEnum"/> names, any case (see <see cref="List{T}"/>).</summary>
    public static BenchOption<TEnum[]> Names<TEnum>(string name, string fallback) where TEnum : struct, Enum =>
        List(name, fallback, text => Named<TEnum>(name, text));

    /// <summary>One <typeparamref name="TEnum"/> name, any case.</summary>
    public static BenchOption<TEnum> Name<TEnum>(string name, TEnum fallback) where TEnum : struct, Enum =>
        new(name, fallback, fallback.ToString().ToLowerInvariant(), text => Named<TEnum>(name, text));

    /// <summary>The usage line of <paramref name="options"/>.</summary>
    public static string Usage(IEnumerable<IBenchOption> options) => string.Join(' ', options.Select(o => o.Usage));

    private static T Number<T>(string name, string text, Func<string, IFormatProvider, T> parse)
    {
        try
        {
            return parse(text, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new ArgumentException($"--{name}: '{text}' is not a valid {typeof(T).Name}");
        }
    }

    private static TEnum Named<TEnum>(string name, string text) where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
            if (string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase)) return value;
        throw new ArgumentException($"--{name}: '{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}");
    }
}
