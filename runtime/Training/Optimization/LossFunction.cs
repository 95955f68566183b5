using AstDsl.Training.Experiments;
using static TorchSharp.torch;

namespace AstDsl.Training.Optimization;

/// <summary>The two losses of the official recipes, and how their logits become probabilities.</summary>
public sealed class LossFunction
{
    private readonly Func<Tensor, Tensor, Tensor> _compute;

    private LossFunction(LossKind kind, Func<Tensor, Tensor, Tensor> compute)
    {
        Kind = kind;
        _compute = compute;
    }

    /// <summary>Binary cross-entropy on the logits, for multi-label tasks (official 'BCE').</summary>
    public static LossFunction BinaryCrossEntropy { get; } =
        new(LossKind.Bce, (logits, targets) => nn.functional.binary_cross_entropy_with_logits(logits, targets));

    /// <summary>
    /// Cross-entropy for single-label tasks (official 'CE'): the official recipes keep multi-hot targets and take the
    /// argmax as the class index.
    /// </summary>
    public static LossFunction CrossEntropy { get; } =
        new(LossKind.Ce, (logits, targets) => nn.functional.cross_entropy(logits, targets.argmax(1)));

    /// <summary>Which loss this is (stored in checkpoints).</summary>
    public LossKind Kind { get; }

    /// <summary>The loss a checkpoint recorded, for evaluating a saved model without its spec.</summary>
    public static LossFunction Of(LossKind kind) => kind switch
    {
        LossKind.Bce => BinaryCrossEntropy,
        LossKind.Ce => CrossEntropy,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown loss"),
    };

    /// <summary>Mean loss of <paramref name="logits"/> (B, C) against <paramref name="targets"/> (B, C).</summary>
    public Tensor Compute(Tensor logits, Tensor targets) => _compute(logits, targets);

    /// <summary>Probabilities for evaluation: the sigmoid, as the official validate() applies to every task.</summary>
    public static Tensor EvaluationScores(Tensor logits) => logits.sigmoid();

    /// <summary>Probabilities shown to a user: softmax for a single-label (CE) model, sigmoid for a multi-label (BCE) one.</summary>
    public static Tensor DisplayProbabilities(LossKind kind, Tensor logits) =>
        kind == LossKind.Ce ? logits.softmax(-1) : logits.sigmoid();
}
