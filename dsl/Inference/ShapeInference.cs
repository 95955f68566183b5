using AstDsl.Dsl.Resolved;

namespace AstDsl.Dsl.Inference;

/// <summary>
/// Derives the patch grid, sequence length, parameter count and forward FLOPs of a model, with the official
/// AST arithmetic (floor division in the grid). FLOPs count 2 per multiply-add in the patch convolution, every
/// linear layer and both attention matrix products; norms, softmax, GELU, biases and additions are not counted.
/// With patchout, a training step embeds every patch but runs the blocks on the kept tokens only.
/// </summary>
public static class ShapeInference
{
    /// <summary>Shapes of <paramref name="model"/>. Throws <see cref="OverflowException"/> for models too large to count in 64 bits.</summary>
    public static ShapeInfo Infer(AstOptions model)
    {
        checked
        {
            var fDim = (model.InputFDim - model.FPatch) / model.FStride + 1;
            var tDim = (model.InputTDim - model.TPatch) / model.TStride + 1;
            var patches = fDim * tDim;
            var special = model.DistillationToken ? 2 : 1;
            var tokens = patches + special;
            var trainingTokens = model.Patchout.KeptPatches(fDim, tDim) + special;
            return new ShapeInfo(fDim, tDim, patches, tokens, Parameters(model, fDim, tDim), Flops(model, patches, tokens))
            {
                TrainingTokenCount = trainingTokens,
                TrainingFlops = Flops(model, patches, trainingTokens),
            };
        }
    }

    /// <summary>Trainable parameters of a model with an <paramref name="fDim"/> x <paramref name="tDim"/> patch grid, term by term as the official state dict.</summary>
    public static long Parameters(AstOptions model, int fDim, int tDim)
    {
        checked
        {
            long d = model.Width;
            long hidden = d * model.MlpRatio;
            long special = model.DistillationToken ? 2 : 1;
            var specialTokens = special * d;
            // Grid: one row per token (v.pos_embed); frequency/time: one per special token, row and column (PaSST).
            var positions = model.Position == PositionKind.Grid ? (special + (long)fDim * tDim) * d : (special + fDim + tDim) * d;
            var patchEmbedding = d * model.FPatch * model.TPatch + d;
            var block = 2 * d + (3 * d * d + 3 * d) + (d * d + d) + 2 * d + (d * hidden + hidden) + (hidden * d + d);
            var finalNorm = 2 * d;
            var head = 2 * d + d * model.LabelCount + model.LabelCount;
            return specialTokens + positions + patchEmbedding + model.Depth * block + finalNorm + head;
        }
    }

    /// <summary>Forward FLOPs for one clip (2 per multiply-add): <paramref name="patchCount"/> patches embedded, <paramref name="tokenCount"/> tokens through the blocks.</summary>
    public static long Flops(AstOptions model, int patchCount, int tokenCount)
    {
        checked
        {
            long d = model.Width;
            long n = tokenCount;
            long hidden = d * model.MlpRatio;
            var patchEmbedding = patchCount * d * model.FPatch * model.TPatch;
            var attention = n * d * 3 * d + 2 * n * n * d + n * d * d;
            var mlp = 2 * n * d * hidden;
            var head = d * model.LabelCount;
            return 2 * (patchEmbedding + model.Depth * (attention + mlp) + head);
        }
    }
}
