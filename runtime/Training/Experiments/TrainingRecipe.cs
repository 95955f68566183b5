using AstDsl.Audio.Augment;
using AstDsl.Training.Errors;
using AstDsl.Training.Optimization;
using AstDsl.Training.Schedules;

namespace AstDsl.Training.Experiments;

/// <summary>
/// The training step a spec declares, composed of runtime pieces by the generated experiment: what each training clip
/// goes through, the loss, gradient accumulation and clipping, the optimiser and the learning-rate schedule. The
/// runtime's loop drives it (batches, loss scaling, checkpoints, evaluation) and adds nothing to it.
/// </summary>
/// <remarks>
/// Accumulation and clipping are off unless set, so a generated recipe names them only when the spec turns them on.
/// </remarks>
public sealed record TrainingRecipe
{
    private readonly int _accumulationSteps = 1;
    private readonly double? _clipNorm;

    /// <summary>Per clip: mixup, fbank, masks, normalisation, noise, label smoothing (evaluation clips skip the random steps).</summary>
    public required ClipRecipe Clips { get; init; }
    /// <summary>The loss of a batch.</summary>
    public required LossFunction Loss { get; init; }
    /// <summary>Batches whose gradients are summed before one optimiser step (<c>train.accumulation</c>); 1 steps after every batch.</summary>
    /// <exception cref="TrainingConfigurationException">Fewer than 1.</exception>
    public int AccumulationSteps
    {
        get => _accumulationSteps;
        init => _accumulationSteps = value >= 1 ? value
            : throw new TrainingConfigurationException("train.accumulation", $"must be at least 1 batch, got {value}.");
    }
    /// <summary>The gradient norm clipping scales the true (unscaled) gradients down to (<c>train.clip</c>); null leaves them alone.</summary>
    /// <exception cref="TrainingConfigurationException">Not a positive number.</exception>
    public double? ClipNorm
    {
        get => _clipNorm;
        init => _clipNorm = value is not { } norm || (norm > 0 && double.IsFinite(norm)) ? value
            : throw new TrainingConfigurationException("train.clip", $"must be a positive gradient norm or off, got {norm}.");
    }
    /// <summary>The optimiser and its numbers (its learning rate is the schedule's peak).</summary>
    public required OptimizerRecipe Optimizer { get; init; }
    /// <summary>Warm-up and per-epoch decay.</summary>
    public required ScheduleRecipe Schedule { get; init; }

    /// <summary>A fresh schedule at the optimiser's peak learning rate, or continuing from <paramref name="state"/>.</summary>
    public LearningRateSchedule StartSchedule(ScheduleState? state = null) => new(Schedule, Optimizer.LearningRate, state);
}
