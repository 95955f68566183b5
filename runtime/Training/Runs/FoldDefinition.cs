using System.Globalization;
using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;

namespace AstDsl.Training.Runs;

/// <summary>One fold of a cross-validation experiment: the definition with <c>{fold}</c> replaced in its datafile paths.</summary>
public static class FoldDefinition
{
    /// <summary>Placeholder replaced by the fold number.</summary>
    public const string Placeholder = "{fold}";

    /// <summary>The single-split definition of fold <paramref name="fold"/>.</summary>
    /// <exception cref="TrainingConfigurationException">Neither datafile path contains the placeholder.</exception>
    public static ExperimentDefinition For(ExperimentDefinition definition, int fold)
    {
        var data = definition.Data;
        if (!data.TrainFile.Contains(Placeholder, StringComparison.Ordinal) && !data.EvalFile.Contains(Placeholder, StringComparison.Ordinal))
            throw new TrainingConfigurationException("data.folds",
                $"folds are listed but neither '{data.TrainFile}' nor '{data.EvalFile}' contains {Placeholder}; every fold would train on the same split.");
        var number = fold.ToString(CultureInfo.InvariantCulture);
        return definition with
        {
            Data = data with
            {
                TrainFile = data.TrainFile.Replace(Placeholder, number, StringComparison.Ordinal),
                EvalFile = data.EvalFile.Replace(Placeholder, number, StringComparison.Ordinal),
                SampleWeightFile = data.SampleWeightFile?.Replace(Placeholder, number, StringComparison.Ordinal),
                Folds = Array.Empty<int>(),
            },
        };
    }
}
