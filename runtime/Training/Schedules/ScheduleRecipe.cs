using AstDsl.Training.Errors;

namespace AstDsl.Training.Schedules;

/// <summary>
/// A learning-rate schedule as a spec declares it: an optional linear warm-up, then a per-epoch decay. Written in
/// reading order, e.g. <c>ScheduleRecipe.Warmup(steps: 1000, interval: 50).ThenMultiStep(start: 2, step: 1, gamma: 0.5)</c>.
/// <see cref="LearningRateSchedule"/> runs it.
/// </summary>
public sealed record ScheduleRecipe
{
    private ScheduleRecipe(IEpochDecay decay) => Decay = decay;

    /// <summary>Warm-up length in optimiser steps; null for no warm-up.</summary>
    public int? WarmupSteps { get; private init; }

    /// <summary>Optimiser steps between warm-up learning-rate updates.</summary>
    public int WarmupInterval { get; private init; } = 1;

    /// <summary>The per-epoch rule after (and during) warm-up.</summary>
    public IEpochDecay Decay { get; }

    /// <summary>No decay.</summary>
    public static ScheduleRecipe Constant() => new(new ConstantDecay());

    /// <summary>Multiplies the learning rate by <paramref name="gamma"/> at epochs start, start + step, ... (official MultiStepLR).</summary>
    /// <exception cref="TrainingConfigurationException">start &lt; 0, step &lt; 1 or gamma outside (0, 1].</exception>
    public static ScheduleRecipe MultiStep(int start, int step, double gamma) => new(new MultiStepDecay(start, step, gamma));

    /// <summary>Multiplies the learning rate by <paramref name="factor"/> after <paramref name="patience"/> epochs without a better main metric.</summary>
    /// <exception cref="TrainingConfigurationException">patience &lt; 0 or factor outside (0, 1).</exception>
    public static ScheduleRecipe Plateau(int patience, double factor) => new(new PlateauDecay(patience, factor));

    /// <summary>
    /// The official linear warm-up: lr = peak * step / <paramref name="steps"/>, updated every <paramref name="interval"/>
    /// optimiser steps up to <paramref name="steps"/> (so the first interval runs at lr 0, as in the official code).
    /// </summary>
    /// <exception cref="TrainingConfigurationException">steps or interval below 1.</exception>
    public static WarmupRamp Warmup(int steps, int interval)
    {
        if (steps < 1 || interval < 1)
            throw new TrainingConfigurationException("train.schedule.warmup", $"steps ({steps}) and interval ({interval}) must be at least 1.");
        return new WarmupRamp(steps, interval);
    }

    /// <summary>The linear warm-up that leads into a per-epoch decay.</summary>
    /// <param name="Steps">Warm-up length in optimiser steps.</param>
    /// <param name="Interval">Steps between learning-rate updates.</param>
    public sealed record WarmupRamp(int Steps, int Interval)
    {
        /// <summary>Warm-up, then <see cref="ScheduleRecipe.Constant"/>.</summary>
        public ScheduleRecipe ThenConstant() => Then(ScheduleRecipe.Constant());

        /// <summary>Warm-up, then <see cref="ScheduleRecipe.MultiStep"/>.</summary>
        public ScheduleRecipe ThenMultiStep(int start, int step, double gamma) => Then(MultiStep(start, step, gamma));

        /// <summary>Warm-up, then <see cref="ScheduleRecipe.Plateau"/>.</summary>
        public ScheduleRecipe ThenPlateau(int patience, double factor) => Then(Plateau(patience, factor));

        private ScheduleRecipe Then(ScheduleRecipe decay) => decay with { WarmupSteps = Steps, WarmupInterval = Interval };
    }
}
