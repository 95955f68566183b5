using System.Globalization;
using AstDsl.Dsl.Diagnostics;

namespace AstDsl.Dsl.Binding.Kinds;

/// <summary>The valid interval of a number and the diagnostic reported outside it.</summary>
/// <param name="Min">Lower limit, or null.</param>
/// <param name="MinInclusive">Whether <paramref name="Min"/> itself is allowed.</param>
/// <param name="Max">Upper limit, or null.</param>
/// <param name="MaxInclusive">Whether <paramref name="Max"/> itself is allowed.</param>
/// <param name="Descriptor">Diagnostic for values outside (AST0007 unless a more specific one applies).</param>
internal sealed record Bounds(double? Min, bool MinInclusive, double? Max, bool MaxInclusive, DiagnosticDescriptor Descriptor)
{
    public static Bounds AtLeast(double min) => new(min, true, null, false, DiagnosticCatalog.OutOfRange);

    /// <summary>From <paramref name="min"/> to <paramref name="max"/>, both allowed.</summary>
    public static Bounds Between(double min, double max) => new(min, true, max, true, DiagnosticCatalog.OutOfRange);

    /// <summary>Greater than 0 and at most <paramref name="max"/>.</summary>
    public static Bounds PositiveUpTo(double max) => new(0, false, max, true, DiagnosticCatalog.OutOfRange);

    public static Bounds Positive { get; } = new(0, false, null, false, DiagnosticCatalog.OutOfRange);

    public static Bounds Probability { get; } = new(0, true, 1, true, DiagnosticCatalog.ProbabilityOutOfRange);

    /// <summary>Dropout rates: a probability that may not drop everything.</summary>
    public static Bounds Rate { get; } = new(0, true, 1, false, DiagnosticCatalog.ProbabilityOutOfRange);

    /// <summary>Learning rates: positive, and at most 1 (Adam steps every weight by about lr; above 1 training only diverges).</summary>
    public static Bounds LearningRate { get; } = new(0, false, 1, true, DiagnosticCatalog.NonPositiveLearningRate);

    public bool Contains(double value) =>
        (Min is not { } min || (MinInclusive ? value >= min : value > min)) &&
        (Max is not { } max || (MaxInclusive ? value <= max : value < max));

    /// <summary>"at least 1", "greater than 0", "in [0, 1)".</summary>
    public string Describe() => (Min, Max) switch
    {
        ({ } min, { } max) => $"in {(MinInclusive ? '[' : '(')}{Format(min)}, {Format(max)}{(MaxInclusive ? ']' : ')')}",
        ({ } min, null) => MinInclusive ? $"at least {Format(min)}" : $"greater than {Format(min)}",
        (null, { } max) => MaxInclusive ? $"at most {Format(max)}" : $"less than {Format(max)}",
        _ => "any number",
    };

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
