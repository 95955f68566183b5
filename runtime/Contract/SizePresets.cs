namespace AstDsl.Contract;

/// <summary>The official backbone sizes (DeiT/ViT) and what each implies.</summary>
public static class SizePresets
{
    /// <summary>Official AudioSet AST checkpoints are base384 models.</summary>
    public const int AudioSetCheckpointWidth = 768;

    /// <summary>Width, depth and heads of a preset.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ModelSize.Custom"/> has no fixed shape.</exception>
    public static (int Width, int Depth, int Heads) Of(ModelSize size) => size switch
    {
        ModelSize.Tiny224 => (192, 12, 3),
        ModelSize.Small224 => (384, 12, 6),
        ModelSize.Base224 or ModelSize.Base384 => (768, 12, 12),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "a custom size has no preset shape"),
    };

    /// <summary>The preset with exactly this backbone, else <see cref="ModelSize.Custom"/> (prefers <paramref name="named"/>).</summary>
    public static ModelSize Classify(ModelSize named, int width, int depth, int heads) =>
        named != ModelSize.Custom && Of(named) == (width, depth, heads) ? named : ModelSize.Custom;

    /// <summary>
    /// The preset with this backbone when only the shape is known (a checkpoint without its spec), else
    /// <see cref="ModelSize.Custom"/>. base224 and base384 share a shape; it reads as base384, the size of the released
    /// AudioSet checkpoints.
    /// </summary>
    public static ModelSize FromShape(int width, int depth, int heads)
    {
        foreach (var size in new[] { ModelSize.Tiny224, ModelSize.Small224, ModelSize.Base384 })
            if (Of(size) == (width, depth, heads)) return size;
        return ModelSize.Custom;
    }

    /// <summary>
    /// The width of an ImageNet checkpoint guessed from its file name (timm names contain tiny/small/base), or null
    /// when the name does not say. The checker must not open checkpoints, so the name is all it has.
    /// </summary>
    public static int? WidthFromCheckpointName(string path)
    {
        var name = path.Replace('\\', '/').Split('/').Last().ToLowerInvariant();
        if (name.Contains("tiny")) return 192;
        if (name.Contains("small")) return 384;
        if (name.Contains("base")) return 768;
        return null;
    }
}
