using AstDsl.Network;
using AstDsl.Training.Data;
using AstDsl.Training.Experiments;
using AstDsl.Training.Optimization;
using AstDsl.Training.Progress;
using AstDsl.Training.Runs;
using AstDsl.Training.Schedules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AstDsl.Training.Loop;

/// <summary>The live objects of one training session, shared by the epoch loop and the per-epoch bookkeeping.</summary>
internal sealed class TrainingContext
{
    public required AstNetwork Model { get; init; }
    public required OptimizerHelper Optimizer { get; init; }
    public required LearningRateSchedule Schedule { get; init; }
    public required TrainingRecipe Recipe { get; init; }
    public required LossScaler Scaler { get; init; }
    public required int Epochs { get; init; }
    public required IBatchSource Train { get; init; }
    public required Device Device { get; init; }
    public required RunDirectory Run { get; init; }
    public required RunLog Log { get; init; }
    public required IProgressReporter Reporter { get; init; }
    public ITrainingObjective? Objective { get; init; }
    public ThroughputMeter Meter { get; } = new();
    public SkippedSteps SkippedSteps { get; } = new();
    public long GlobalStep { get; set; }
    public string? LastGoodCheckpoint { get; set; }
}
