using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Loading;
using AstDsl.Dsl.Syntax;
using AstDsl.Dsl.Text;

namespace AstDsl.Dsl.Merging;

/// <summary>Flattens an <c>extends</c> chain field by field: a derived spec overrides single fields, never whole blocks.</summary>
public static class SpecMerger
{
    /// <summary>Merges <paramref name="chain"/> (most derived first), reporting fields set twice within one file (AST0004).</summary>
    public static MergedSpec Merge(IReadOnlyList<LoadedSpec> chain, ICollection<Diagnostic> diagnostics)
    {
        var blocks = new List<(string Name, SourceSpan Span, List<FieldSyntax> Fields)>();
        foreach (var file in chain.Reverse())
        {
            var seen = new Dictionary<string, FieldSyntax>(StringComparer.Ordinal);
            var blocksInFile = new HashSet<string>(StringComparer.Ordinal);
            foreach (var block in file.Syntax.Blocks)
            {
                var index = blocks.FindIndex(b => b.Name == block.Name);
                if (index < 0)
                {
                    blocks.Add((block.Name, block.Span, new List<FieldSyntax>()));
                    index = blocks.Count - 1;
                    blocksInFile.Add(block.Name);
                }
                else if (blocksInFile.Add(block.Name))
                {
                    // The most derived file that opens the block owns its span, so block-level problems point at
                    // the spec being edited rather than at its base.
                    blocks[index] = (block.Name, block.Span, blocks[index].Fields);
                }

                foreach (var field in block.Fields)
                {
                    var key = block.Name + "." + field.Key;
                    if (seen.TryGetValue(key, out var first))
                    {
                        diagnostics.Add(DiagnosticCatalog.Duplicate.At(
                            field.Span, $"'{key}' is already set at line {first.Span.Line}; keep one of the two"));
                        continue;
                    }

                    seen[key] = field;
                    Override(blocks[index].Fields, field);
                }
            }
        }

        var root = chain[0].Syntax;
        var merged = blocks.Select(b => new MergedBlock(b.Name, b.Span, b.Fields.ToValueList())).ToValueList();
        return new MergedSpec(root.Name, root.Span, merged);
    }

    private static void Override(List<FieldSyntax> fields, FieldSyntax field)
    {
        var existing = fields.FindIndex(f => f.Key == field.Key);
        if (existing >= 0) fields[existing] = field;
        else fields.Add(field);
    }
}
