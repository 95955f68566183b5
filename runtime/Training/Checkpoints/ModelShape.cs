using System.Globalization;
using AstDsl.Network;

namespace AstDsl.Training.Checkpoints;

/// <summary>The shape of an AST model in the language's terms, to compare two models and name both in messages.</summary>
public static class ModelShape
{
    /// <summary>"width 64, depth 2, heads 4, mlp ratio 4, patch 16 x 16, positions grid, stride 16 x 16, input 500 frames x 64 mel bins, 10 labels, tokens cls".</summary>
    public static string Describe(AstOptions model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return string.Create(CultureInfo.InvariantCulture,
            $"width {model.Width}, depth {model.Depth}, heads {model.Heads}, mlp ratio {model.MlpRatio}, patch {model.FPatch} x {model.TPatch}, " +
            $"positions {LanguageWords.Of(model.Position)}, " +
            $"stride {model.FStride} x {model.TStride}, input {model.InputTDim} frames x {model.InputFDim} mel bins, " +
            $"{model.LabelCount} labels, tokens {(model.DistillationToken ? "distilled" : "cls")}");
    }

    /// <summary>Whether the two models have the same weights layout (dropout rates and patchout do not matter).</summary>
    public static bool Same(AstOptions a, AstOptions b) => Describe(a) == Describe(b);
}
