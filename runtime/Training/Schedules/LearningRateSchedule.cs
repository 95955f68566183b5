using TorchSharp.Modules;

namespace AstDsl.Training.Schedules;

/// <summary>
/// Runs a <see cref="ScheduleRecipe"/> as the official traintest.py does: warm-up before each optimiser step, the
/// per-epoch decay after each epoch, the learning rate written into the optimiser. Its <see cref="State"/> goes into
/// checkpoints so a resumed run continues on the same curve.
/// </summary>
public sealed class LearningRateSchedule
{
    private readonly ScheduleRecipe _recipe;
    private readonly double _peak;

    /// <summary>Starts at <paramref name="peakLearningRate"/>, or continues from <paramref name="state"/>.</summary>
    public LearningRateSchedule(ScheduleRecipe recipe, double peakLearningRate, ScheduleState? state = null)
    {
        _recipe = recipe;
        _peak = peakLearningRate;
        State = state ?? new ScheduleState(peakLearningRate, double.NegativeInfinity, 0);
    }

    /// <summary>The schedule's state (store it in checkpoints).</summary>
    public ScheduleState State { get; private set; }

    /// <summary>Learning rate in force.</summary>
    public double LearningRate => State.LearningRate;

    /// <summary>Applies warm-up before optimiser step number <paramref name="globalStep"/> (0-based) and returns the learning rate to use.</summary>
    public double BeforeStep(long globalStep)
    {
        if (_recipe.WarmupSteps is { } steps && globalStep <= steps
            && (globalStep % _recipe.WarmupInterval == 0 || globalStep == steps))
            State = State with { LearningRate = _peak * globalStep / steps };
        return State.LearningRate;
    }

    /// <summary>Applies the per-epoch rule after epoch <paramref name="epoch"/> (1-based) ended with main metric <paramref name="mainMetric"/>.</summary>
    public double AfterEpoch(int epoch, double mainMetric)
    {
        State = _recipe.Decay.AfterEpoch(State, epoch, mainMetric);
        return State.LearningRate;
    }

    /// <summary>Writes the current learning rate into every parameter group of <paramref name="optimizer"/>.</summary>
    public void ApplyTo(OptimizerHelper optimizer)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = State.LearningRate;
    }
}
