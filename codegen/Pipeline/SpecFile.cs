namespace AstDsl.CodeGen.Pipeline;

/// <summary>One <c>.ast</c> AdditionalFile: its path and text (value-equal, so unchanged files stay cached).</summary>
/// <param name="Path">Path as the compiler sees it.</param>
/// <param name="Text">File text.</param>
internal sealed record SpecFile(string Path, string Text);
