using AstDsl.Dsl.Syntax;

namespace AstDsl.Dsl.Loading;

/// <summary>One parsed file of an <c>extends</c> chain.</summary>
/// <param name="Path">Normalised path of the file.</param>
/// <param name="Text">Its text, as read.</param>
/// <param name="Syntax">Its syntax tree.</param>
public sealed record LoadedSpec(string Path, string Text, SpecSyntax Syntax);
