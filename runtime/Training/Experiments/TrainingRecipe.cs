using AstDsl.Audio.Augment;
using AstDsl.Training.Optimization;
using AstDsl.Training.Schedules;

namespace AstDsl.Training.Experiments;

/// <summary>
/// The training step a spec declares, composed of runtime pieces by the generated experiment: what each training clip
/// goes through, the loss, the optimiser and the learning-rate schedule. The runtime's loop drives it (batches,
/// accumulation, clipping, checkpoints, evaluation) and adds nothing to it.
/// </summary>
public sealed record TrainingRecipe
{
    /// <summary>Per clip: mixup, fbank, masks, normalisation, noise, label smoothing (evaluation clips skip the random steps).</summary>
    public required ClipRecipe Clips { get; init; }
    /// <summary>The loss of a batch.</summary>
    public required LossFunction Loss { get; init; }
    /// <summary>The optimiser and its numbers (its learning rate is the schedule's peak).</summary>
    public required OptimizerRecipe Optimizer { get; init; }
    /// <summary>Warm-up and per-epoch decay.</summary>
    public required ScheduleRecipe Schedule { get; init; }

    /// <summary>A fresh schedule at the optimiser's peak learning rate, or continuing from <paramref name="state"/>.</summary>
    public LearningRateSchedule StartSchedule(ScheduleState? state = null) => new(Schedule, Optimizer.LearningRate, state);
}
