using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;
using TorchSharp.Modules;

namespace AstDsl.Training.Optimization;

/// <summary>Builds the optimiser named in the spec.</summary>
public static class OptimizerFactory
{
    // torch.optim.Adam's default, which the official recipes keep.
    private const double AdamEps = 1e-8;

    /// <summary>Adam (the official choice, with L2 weight decay) or AdamW (decoupled weight decay) over <paramref name="parameters"/>.</summary>
    /// <exception cref="TrainingConfigurationException">Invalid hyper-parameters.</exception>
    public static OptimizerHelper Create(OptimizerSettings settings, IEnumerable<Parameter> parameters)
    {
        if (!(settings.LearningRate > 0) || !double.IsFinite(settings.LearningRate))
            throw new TrainingConfigurationException("train.optimizer.lr", $"must be a positive number, got {settings.LearningRate}.");
        if (settings.Beta1 is < 0 or >= 1 || settings.Beta2 is < 0 or >= 1)
            throw new TrainingConfigurationException("train.optimizer.betas", $"must lie in [0, 1), got ({settings.Beta1}, {settings.Beta2}).");
        return settings.Kind switch
        {
            OptimizerKind.Adam => new GcSafeAdam(parameters, settings.LearningRate, settings.Beta1, settings.Beta2, AdamEps, settings.WeightDecay, decoupledWeightDecay: false),
            OptimizerKind.AdamW => new GcSafeAdam(parameters, settings.LearningRate, settings.Beta1, settings.Beta2, AdamEps, settings.WeightDecay, decoupledWeightDecay: true),
            _ => throw new TrainingConfigurationException("train.optimizer", $"unknown optimiser {settings.Kind}; use adam or adamw."),
        };
    }
}
