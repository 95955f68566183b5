namespace AstDsl.Bench.Timing;

/// <summary>
/// A benchmark the console program can run by name. Implementations are found by reflection, so adding one needs no
/// change to Program.cs; they need a public parameterless constructor.
/// </summary>
public interface IBenchmark
{
    /// <summary>Command-line name, e.g. "fbank".</summary>
    string Name { get; }

    /// <summary>The options it reads, with their defaults (see <see cref="BenchOption"/>).</summary>
    IReadOnlyList<IBenchOption> Options { get; }

    /// <summary>One line listing the options with their defaults.</summary>
    string Usage => BenchOption.Usage(Options);

    /// <summary>Runs, prints a human summary and returns the object to write as JSON.</summary>
    object Run(BenchArguments arguments);
}
