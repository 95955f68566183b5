namespace AstDsl.Training.Schedules;

/// <summary>Everything a learning-rate schedule needs to continue after a resume.</summary>
/// <param name="LearningRate">Learning rate in force.</param>
/// <param name="PlateauBest">Best main metric seen by the plateau rule (-infinity before the first epoch).</param>
/// <param name="PlateauBadEpochs">Epochs since the plateau rule last saw an improvement.</param>
public sealed record ScheduleState(double LearningRate, double PlateauBest, int PlateauBadEpochs);
