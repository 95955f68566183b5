using AstDsl.Dsl.Text;

namespace AstDsl.Dsl.Syntax;

/// <summary>One <c>key = value</c> line.</summary>
/// <param name="Key">Field name.</param>
/// <param name="Value">Field value.</param>
/// <param name="Span">Where the key is written (diagnostics about the field as a whole point here).</param>
public sealed record FieldSyntax(string Key, ValueSyntax Value, SourceSpan Span)
{
    /// <summary>The same field with every position cleared.</summary>
    public FieldSyntax WithoutPositions() => new(Key, Value.WithoutPositions(), default);
}

/// <summary>A named block of fields: <c>model { ... }</c>.</summary>
/// <param name="Name">Block name.</param>
/// <param name="Fields">Fields in source order.</param>
/// <param name="Span">Where the block name is written.</param>
/// <param name="Close">Where the closing brace is written (the formatter places comments before and after it); default when unknown.</param>
public sealed record BlockSyntax(string Name, ValueList<FieldSyntax> Fields, SourceSpan Span, SourceSpan Close = default)
{
    /// <summary>The same block with every position cleared.</summary>
    public BlockSyntax WithoutPositions() =>
        new(Name, Fields.Select(field => field.WithoutPositions()).ToValueList(), default);
}

/// <summary>A whole spec file: <c>experiment name [extends "base.ast"]</c> followed by blocks.</summary>
/// <param name="Name">Experiment name.</param>
/// <param name="Extends">The extended spec's path as written, or null.</param>
/// <param name="Blocks">Blocks in source order.</param>
/// <param name="Span">Where the experiment name is written.</param>
public sealed record SpecSyntax(string Name, StringSyntax? Extends, ValueList<BlockSyntax> Blocks, SourceSpan Span)
{
    /// <summary>The same spec with every position cleared: equal results mean equal structure regardless of layout.</summary>
    public SpecSyntax WithoutPositions() =>
        new(Name, Extends?.Strip(), Blocks.Select(block => block.WithoutPositions()).ToValueList(), default);
}
