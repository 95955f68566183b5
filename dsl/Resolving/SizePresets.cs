namespace AstDsl.Dsl.Resolving;

/// <summary>The official backbone sizes (DeiT/ViT) and what each implies.</summary>
internal static class SizePresets
{
    /// <summary>Width, depth and heads of <paramref name="size"/>.</summary>
    public static (int Width, int Depth, int Heads) Of(string size) => size switch
    {
        "tiny224" => (192, 12, 3),
        "small224" => (384, 12, 6),
        _ => (768, 12, 12),
    };

    /// <summary>
    /// The width of an ImageNet checkpoint guessed from its file name (timm names contain tiny/small/base),
    /// or null when the name does not say. The checker must not open checkpoints, so the name is all it has.
    /// </summary>
    public static int? WidthFromCheckpointName(string path)
    {
        var name = path.Replace('\\', '/').Split('/').Last().ToLowerInvariant();
        if (name.Contains("tiny")) return 192;
        if (name.Contains("small")) return 384;
        if (name.Contains("base")) return 768;
        return null;
    }

    /// <summary>Official AudioSet AST checkpoints are base384 models.</summary>
    public const int AudioSetCheckpointWidth = 768;
}
