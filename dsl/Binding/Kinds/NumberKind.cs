using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Printing;
using AstDsl.Dsl.Syntax;

namespace AstDsl.Dsl.Binding.Kinds;

/// <summary>
/// A number, optionally with a unit of one of <see cref="Dimensions"/> (converted to the dimension's base unit).
/// A bare number counts in the first dimension's base unit. Produces a <see cref="Measure"/>.
/// </summary>
internal sealed class NumberKind : ValueKind
{
    public NumberKind(bool integer, Bounds? bounds, params string[] dimensions)
    {
        Integer = integer;
        Bounds = bounds;
        Dimensions = dimensions;
    }

    public bool Integer { get; }

    public Bounds? Bounds { get; }

    public IReadOnlyList<string> Dimensions { get; }

    public override string Description
    {
        get
        {
            var what = Integer ? "a whole number" : "a number";
            var units = Dimensions.SelectMany(Units.WordsOf).ToList();
            return units.Count == 0 ? what : $"{what} (unit: {string.Join(", ", units)})";
        }
    }

    public override object? Bind(ValueSyntax value, string name, BindContext context)
    {
        if (value is not NumberSyntax number) return WrongType(value, name, context);
        var converted = number.Value;
        string? dimension = null;
        if (number.Unit is { } unit)
        {
            var (unitDimension, factor) = Units.Of(unit);
            if (!Dimensions.Contains(unitDimension))
            {
                var allowed = Dimensions.SelectMany(Units.WordsOf).ToList();
                var fix = allowed.Count == 0 ? "write the number without a unit" : $"use {string.Join(" or ", allowed)}";
                return context.Report(DiagnosticCatalog.WrongUnit, number.Span, $"'{name}' does not take '{unit}'; {fix}");
            }

            converted *= factor;
            dimension = unitDimension;
        }

        if (double.IsNaN(converted) || double.IsInfinity(converted))
            return context.Report(DiagnosticCatalog.OutOfRange, number.Span, $"'{name}' is too large; write a finite number");
        if (Integer && converted != Math.Floor(converted))
            return WrongType(value, name, context);
        if (Bounds is { } bounds && !bounds.Contains(converted))
            return context.Report(bounds.Descriptor, number.Span, $"'{name}' must be {bounds.Describe()}, got {SpecPrinter.PrintValue(number)}");
        if (Integer && Math.Abs(converted) > int.MaxValue)
            return context.Report(DiagnosticCatalog.OutOfRange, number.Span, $"'{name}' must be at most {int.MaxValue}, got {SpecPrinter.PrintValue(number)}");
        if (!Integer && converted != 0 && Math.Abs(converted) is > float.MaxValue or < SmallestNormalFloat)
            return context.Report(DiagnosticCatalog.OutOfRange, number.Span,
                $"'{name}' = {SpecPrinter.PrintValue(number)} does not fit the runtime's 32-bit floats; use 0 or a magnitude between 1.2e-38 and 3.4e38");
        return new Measure(converted, dimension);
    }

    /// <summary>The smallest positive normal float32: below it values lose precision (denormals) or become 0 in the runtime.</summary>
    private const double SmallestNormalFloat = 1.1754943508222875e-38;
}
