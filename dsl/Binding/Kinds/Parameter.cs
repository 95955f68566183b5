namespace AstDsl.Dsl.Binding.Kinds;

/// <summary>One argument of a <see cref="ChoiceKind"/> variant.</summary>
/// <param name="Name">Argument name (also usable positionally, in declaration order).</param>
/// <param name="Kind">What the argument accepts.</param>
/// <param name="Required">Whether a call must give it.</param>
internal sealed record Parameter(string Name, ValueKind Kind, bool Required = false);
