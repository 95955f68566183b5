using AstDsl.Training.Optimization;
using AstDsl.Training.Schedules;

namespace AstDsl.Training.Loop;

/// <summary>Where a run stands: enough, with the model, optimiser and RNG state, to continue it exactly.</summary>
public sealed record TrainingProgress
{
    /// <summary>Epochs finished (evaluated and recorded).</summary>
    public int CompletedEpochs { get; init; }
    /// <summary>Optimiser steps taken.</summary>
    public long GlobalStep { get; init; }
    /// <summary>Batches of the unfinished epoch already trained on (non-zero only for an interrupted epoch).</summary>
    public int BatchesDoneInEpoch { get; init; }
    /// <summary>Sum of batch losses of the unfinished epoch.</summary>
    public double EpochLossSum { get; init; }
    /// <summary>Learning-rate schedule state.</summary>
    public required ScheduleState Schedule { get; init; }
    /// <summary>The float16 loss scale; null for bf16 and fp32 runs (and in checkpoints written before loss scaling).</summary>
    public LossScaleState? LossScale { get; init; }
    /// <summary>Epoch whose weights scored best on the main metric (0 before the first evaluation).</summary>
    public int BestEpoch { get; init; }
    /// <summary>Best main-metric value.</summary>
    public double BestMetric { get; init; } = double.NegativeInfinity;
    /// <summary>Every finished epoch.</summary>
    public IReadOnlyList<EpochRecord> History { get; init; } = Array.Empty<EpochRecord>();
}
