using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;

namespace AstDsl.Training.Runs;

/// <summary>One fold of a cross-validation experiment: the definition with <c>{fold}</c> replaced in its datafile paths.</summary>
public static class FoldDefinition
{
    /// <summary>The single-split definition of fold <paramref name="fold"/>.</summary>
    /// <exception cref="TrainingConfigurationException">The <c>{fold}</c> rule of <see cref="FoldPlaceholder"/> is broken.</exception>
    public static ExperimentDefinition For(ExperimentDefinition definition, int fold) =>
        FoldPlaceholder.Problem(definition.Data) is { } problem
            ? throw new TrainingConfigurationException("data.folds", problem)
            : definition with { Data = FoldPlaceholder.ForFold(definition.Data, fold) };
}
