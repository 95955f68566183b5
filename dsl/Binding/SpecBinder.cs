using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Merging;

namespace AstDsl.Dsl.Binding;

/// <summary>Checks each merged field against <see cref="SpecSchema"/>: unknown names, types, units, ranges, required fields, the name's length.</summary>
internal static class SpecBinder
{
    public static BoundSpec Bind(MergedSpec merged, BindContext context)
    {
        var fields = new Dictionary<string, Bound>(StringComparer.Ordinal);
        foreach (var block in merged.Blocks)
        {
            if (!SpecSchema.Blocks.TryGetValue(block.Name, out var schema))
            {
                context.Report(DiagnosticCatalog.UnknownBlock, block.Span,
                    $"unknown block '{block.Name}'; {Suggestions.DidYouMean(block.Name, SpecSchema.Blocks.Keys)}");
                continue;
            }

            foreach (var field in block.Fields)
            {
                var key = block.Name + "." + field.Key;
                if (!schema.TryGetValue(field.Key, out var definition))
                {
                    context.Report(DiagnosticCatalog.UnknownField, field.Span,
                        $"'{block.Name}' has no field '{field.Key}'; {Suggestions.DidYouMean(field.Key, schema.Keys)}");
                    continue;
                }

                var value = definition.Kind.Bind(field.Value, key, context);
                if (value is not null) fields[key] = new Bound(value, field.Value.Span);
            }
        }

        ReportMissing(merged, context);
        if (merged.Name.Length > SpecSchema.MaxNameLength)
            context.Report(DiagnosticCatalog.OutOfRange, merged.Span,
                $"the experiment name is {merged.Name.Length} characters long; use at most {SpecSchema.MaxNameLength} (it becomes a C# class name)");
        return new BoundSpec(merged, fields);
    }

    private static void ReportMissing(MergedSpec merged, BindContext context)
    {
        var pretraining = merged.Blocks.Any(b => b.Name == SpecSchema.PretrainBlock);
        foreach (var block in SpecSchema.Blocks)
        {
            var written = merged.Blocks.FirstOrDefault(b => b.Name == block.Key);
            foreach (var field in block.Value.Where(f => f.Value.Required && !(f.Value.LabelsOnly && pretraining)))
            {
                if (written?.Fields.Any(f => f.Key == field.Key) == true) continue;
                context.Report(DiagnosticCatalog.MissingRequired, written?.Span ?? merged.Span,
                    $"'{block.Key}.{field.Key}' is required; add `{block.Key} {{ {field.Key} = {field.Value.Example} }}`");
            }
        }
    }
}
