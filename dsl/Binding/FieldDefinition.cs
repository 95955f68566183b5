using AstDsl.Dsl.Binding.Kinds;

namespace AstDsl.Dsl.Binding;

/// <summary>One field of the language: what it accepts, whether it must be given, and an example for messages.</summary>
/// <param name="Kind">Accepted values.</param>
/// <param name="Required">Whether the merged spec must set it.</param>
/// <param name="Example">A valid value, shown when the field is missing.</param>
/// <param name="LabelsOnly">Required only of a supervised spec: a pretraining spec (<c>pretrain { }</c>) has no labels.</param>
internal sealed record FieldDefinition(ValueKind Kind, bool Required = false, string Example = "", bool LabelsOnly = false);
