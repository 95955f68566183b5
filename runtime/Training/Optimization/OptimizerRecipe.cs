using AstDsl.Training.Errors;
using TorchSharp.Modules;

namespace AstDsl.Training.Optimization;

/// <summary>An optimiser and its numbers, as a spec declares it; <see cref="Create"/> builds it over a model's parameters.</summary>
public sealed record OptimizerRecipe
{
    // torch.optim.Adam's default, which the official recipes keep.
    private const double AdamEps = 1e-8;

    private OptimizerRecipe(OptimizerKind kind, double learningRate, (double Beta1, double Beta2) betas, double weightDecay)
    {
        if (!(learningRate > 0) || !double.IsFinite(learningRate))
            throw new TrainingConfigurationException("train.optimizer.lr", $"must be a positive number, got {learningRate}.");
        if (betas.Beta1 is < 0 or >= 1 || betas.Beta2 is < 0 or >= 1)
            throw new TrainingConfigurationException("train.optimizer.betas", $"must lie in [0, 1), got ({betas.Beta1}, {betas.Beta2}).");
        Kind = kind;
        LearningRate = learningRate;
        Betas = betas;
        WeightDecay = weightDecay;
    }

    /// <summary>Adam with L2 weight decay, the official choice.</summary>
    /// <exception cref="TrainingConfigurationException">Invalid hyper-parameters.</exception>
    public static OptimizerRecipe Adam(double lr, (double Beta1, double Beta2) betas, double weightDecay) => new(OptimizerKind.Adam, lr, betas, weightDecay);

    /// <summary>AdamW: Adam with decoupled weight decay.</summary>
    /// <exception cref="TrainingConfigurationException">Invalid hyper-parameters.</exception>
    public static OptimizerRecipe AdamW(double lr, (double Beta1, double Beta2) betas, double weightDecay) => new(OptimizerKind.AdamW, lr, betas, weightDecay);

    /// <summary>Adam or AdamW.</summary>
    public OptimizerKind Kind { get; }

    /// <summary>Peak learning rate (the schedule scales it).</summary>
    public double LearningRate { get; }

    /// <summary>Adam's (beta1, beta2).</summary>
    public (double Beta1, double Beta2) Betas { get; }

    /// <summary>Weight decay.</summary>
    public double WeightDecay { get; }

    /// <summary>The optimiser over <paramref name="parameters"/>.</summary>
    public OptimizerHelper Create(IEnumerable<Parameter> parameters) =>
        new GcSafeAdam(parameters, LearningRate, Betas.Beta1, Betas.Beta2, AdamEps, WeightDecay, decoupledWeightDecay: Kind == OptimizerKind.AdamW);
}
