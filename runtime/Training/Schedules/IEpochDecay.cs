namespace AstDsl.Training.Schedules;

/// <summary>The per-epoch part of a learning-rate schedule: how the learning rate in force changes after an epoch.</summary>
public interface IEpochDecay
{
    /// <summary>The state after epoch <paramref name="epoch"/> (1-based) ended with main metric <paramref name="mainMetric"/>.</summary>
    ScheduleState AfterEpoch(ScheduleState state, int epoch, double mainMetric);
}
