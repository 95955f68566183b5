using AstDsl.Dsl.Syntax;
using AstDsl.Dsl.Text;

namespace AstDsl.Dsl.Merging;

/// <summary>One block after merging an <c>extends</c> chain: each field comes from the most derived spec that sets it.</summary>
/// <param name="Name">Block name.</param>
/// <param name="Span">Where the block is first opened (in the most derived spec that has it).</param>
/// <param name="Fields">Fields; each keeps the span of the file it came from.</param>
public sealed record MergedBlock(string Name, SourceSpan Span, ValueList<FieldSyntax> Fields);

/// <summary>A flattened spec.</summary>
/// <param name="Name">The most derived spec's experiment name.</param>
/// <param name="Span">Where that name is written; problems with no better place (missing fields) point here.</param>
/// <param name="Blocks">Merged blocks, base order first, new blocks appended.</param>
public sealed record MergedSpec(string Name, SourceSpan Span, ValueList<MergedBlock> Blocks);
