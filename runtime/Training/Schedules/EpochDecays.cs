using AstDsl.Training.Errors;

namespace AstDsl.Training.Schedules;

/// <summary>No decay: the learning rate stays (after warm-up) at its peak.</summary>
internal sealed record ConstantDecay : IEpochDecay
{
    public ScheduleState AfterEpoch(ScheduleState state, int epoch, double mainMetric) => state;
}

/// <summary>
/// MultiStepLR as the official traintest.py builds it: milestones range(start, 1000, step), stepped once per epoch;
/// a decay multiplies the learning rate in force, as PyTorch's chainable schedulers do.
/// </summary>
internal sealed record MultiStepDecay : IEpochDecay
{
    private const int LastMilestone = 1000;

    public MultiStepDecay(int start, int step, double gamma)
    {
        if (step < 1 || start < 0)
            throw new TrainingConfigurationException("train.schedule", $"multistep needs start >= 0 and step >= 1, got start {start}, step {step}.");
        if (gamma is <= 0 or > 1)
            throw new TrainingConfigurationException("train.schedule", $"gamma must be in (0, 1], got {gamma}.");
        (Start, Step, Gamma) = (start, step, gamma);
    }

    public int Start { get; }
    public int Step { get; }
    public double Gamma { get; }

    public ScheduleState AfterEpoch(ScheduleState state, int epoch, double mainMetric) =>
        epoch >= Start && epoch < LastMilestone && (epoch - Start) % Step == 0 ? state with { LearningRate = state.LearningRate * Gamma } : state;
}

/// <summary>ReduceLROnPlateau on the main metric (<see cref="PlateauRule"/>).</summary>
internal sealed record PlateauDecay : IEpochDecay
{
    public PlateauDecay(int patience, double factor)
    {
        if (patience < 0) throw new TrainingConfigurationException("train.schedule.patience", $"must be >= 0, got {patience}.");
        if (factor is <= 0 or >= 1) throw new TrainingConfigurationException("train.schedule", $"the plateau factor must be in (0, 1), got {factor}.");
        (Patience, Factor) = (patience, factor);
    }

    public int Patience { get; }
    public double Factor { get; }

    public ScheduleState AfterEpoch(ScheduleState state, int epoch, double mainMetric) => PlateauRule.Observe(state, mainMetric, Patience, Factor);
}
