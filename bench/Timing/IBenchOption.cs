namespace AstDsl.Bench.Timing;

/// <summary>One "--name value" option a benchmark declares (see <see cref="BenchOption"/>), whatever its value's type.</summary>
public interface IBenchOption
{
    /// <summary>The name after "--".</summary>
    string Name { get; }

    /// <summary>The option as the usage line shows it, e.g. "[--threads 2]".</summary>
    string Usage { get; }

    /// <summary>Reads the text given for the option; a malformed one is an <see cref="ArgumentException"/> naming the option.</summary>
    object Parse(string text);
}
