namespace AstDsl.Dsl.Binding;

/// <summary>Typed reads of a <see cref="Choice"/>'s arguments with defaults for the ones not given.</summary>
internal static class ChoiceArguments
{
    public static int Int(this Choice choice, string name, int fallback) =>
        choice.Arguments.TryGetValue(name, out var bound) && bound.Value is Measure measure ? (int)measure.Value : fallback;

    public static double Real(this Choice choice, string name, double fallback) =>
        choice.Arguments.TryGetValue(name, out var bound) && bound.Value is Measure measure ? measure.Value : fallback;

    public static string? Text(this Choice choice, string name) =>
        choice.Arguments.TryGetValue(name, out var bound) ? bound.Value as string : null;

    /// <summary>The numbers of a tuple argument, or null when absent.</summary>
    public static double[]? Reals(this Choice choice, string name) =>
        choice.Arguments.TryGetValue(name, out var bound) && bound.Value is object[] items
            ? items.Cast<Measure>().Select(measure => measure.Value).ToArray()
            : null;
}
