namespace AstDsl.Model;

/// <summary>The DeiT/ViT backbone sizes the official AST code supports (model_size argument).</summary>
public enum AstSize
{
    /// <summary>DeiT-tiny, 224 px pretraining: width 192, depth 12, 3 heads.</summary>
    Tiny224,
    /// <summary>DeiT-small, 224 px pretraining: width 384, depth 12, 6 heads.</summary>
    Small224,
    /// <summary>DeiT-base, 224 px pretraining: width 768, depth 12, 12 heads.</summary>
    Base224,
    /// <summary>DeiT-base, 384 px pretraining (the paper's model): width 768, depth 12, 12 heads, 24x24 grid.</summary>
    Base384,
}
