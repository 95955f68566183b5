using AstDsl.Training.Experiments;
using static TorchSharp.torch;

namespace AstDsl.Training.Optimization;

/// <summary>The two losses of the official recipes, and how their logits become probabilities.</summary>
public static class LossFunction
{
    /// <summary>Mean loss of <paramref name="logits"/> (B, C) against <paramref name="targets"/> (B, C).</summary>
    public static Tensor Compute(LossKind kind, Tensor logits, Tensor targets) => kind switch
    {
        LossKind.Bce => nn.functional.binary_cross_entropy_with_logits(logits, targets),
        // The official CE recipes keep multi-hot targets and take the argmax as the class index.
        LossKind.Ce => nn.functional.cross_entropy(logits, targets.argmax(1)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown loss"),
    };

    /// <summary>Probabilities for evaluation: the sigmoid, as the official validate() applies to every task.</summary>
    public static Tensor EvaluationScores(Tensor logits) => logits.sigmoid();

    /// <summary>Probabilities shown to a user: softmax for a single-label (CE) model, sigmoid for a multi-label (BCE) one.</summary>
    public static Tensor DisplayProbabilities(LossKind kind, Tensor logits) =>
        kind == LossKind.Ce ? logits.softmax(-1) : logits.sigmoid();
}
