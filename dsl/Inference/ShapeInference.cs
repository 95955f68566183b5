using AstDsl.Dsl.Resolved;

namespace AstDsl.Dsl.Inference;

/// <summary>
/// Derives the patch grid, sequence length, parameter count and forward FLOPs of a model, with the official
/// AST arithmetic (floor division in the grid). FLOPs count 2 per multiply-add in the patch convolution, every
/// linear layer and both attention matrix products; norms, softmax, GELU, biases and additions are not counted.
/// </summary>
public static class ShapeInference
{
    /// <summary>Shapes of <paramref name="model"/>. Throws <see cref="OverflowException"/> for models too large to count in 64 bits.</summary>
    public static ShapeInfo Infer(AstOptions model)
    {
        checked
        {
            var fDim = (model.InputFDim - model.PatchSize) / model.FStride + 1;
            var tDim = (model.InputTDim - model.PatchSize) / model.TStride + 1;
            var patches = fDim * tDim;
            var tokens = patches + (model.DistillationToken ? 2 : 1);
            return new ShapeInfo(fDim, tDim, patches, tokens, Parameters(model, tokens), Flops(model, patches, tokens));
        }
    }

    /// <summary>Trainable parameters, term by term as the official state dict.</summary>
    public static long Parameters(AstOptions model, int tokenCount)
    {
        checked
        {
            long d = model.Width;
            long hidden = d * model.MlpRatio;
            long p = model.PatchSize;
            var specialTokens = (model.DistillationToken ? 2 : 1) * d;
            var positions = tokenCount * d;
            var patchEmbedding = d * p * p + d;
            var block = 2 * d + (3 * d * d + 3 * d) + (d * d + d) + 2 * d + (d * hidden + hidden) + (hidden * d + d);
            var finalNorm = 2 * d;
            var head = 2 * d + d * model.LabelCount + model.LabelCount;
            return specialTokens + positions + patchEmbedding + model.Depth * block + finalNorm + head;
        }
    }

    /// <summary>Forward FLOPs for one clip (2 per multiply-add).</summary>
    public static long Flops(AstOptions model, int patchCount, int tokenCount)
    {
        checked
        {
            long d = model.Width;
            long n = tokenCount;
            long hidden = d * model.MlpRatio;
            long p = model.PatchSize;
            var patchEmbedding = patchCount * d * p * p;
            var attention = n * d * 3 * d + 2 * n * n * d + n * d * d;
            var mlp = 2 * n * d * hidden;
            var head = d * model.LabelCount;
            return 2 * (patchEmbedding + model.Depth * (attention + mlp) + head);
        }
    }
}
