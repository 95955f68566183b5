using AstDsl.Network;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Data;
using AstDsl.Training.Experiments;
using AstDsl.Training.Optimization;
using AstDsl.Training.Runs;
using static TorchSharp.torch;

namespace AstDsl.Training.Loop;

/// <summary>Everything one training run needs, with the data already turned into batch sources.</summary>
public sealed record TrainerSetup
{
    /// <summary>The experiment (optimiser, schedule, loss, epochs, evaluation settings).</summary>
    public required ExperimentDefinition Definition { get; init; }
    /// <summary>Builds the initial model (random or pretrained); called once, after seeding.</summary>
    public required Func<AstNetwork> CreateModel { get; init; }
    /// <summary>Training batches (shuffled and augmented per epoch from the seed).</summary>
    public required IBatchSource Train { get; init; }
    /// <summary>Evaluation batches.</summary>
    public required IBatchSource Eval { get; init; }
    /// <summary>The run folder.</summary>
    public required RunDirectory Run { get; init; }
    /// <summary>Class names stored in checkpoints.</summary>
    public IReadOnlyList<LabelInfo> Labels { get; init; } = Array.Empty<LabelInfo>();
    /// <summary>Continue from <see cref="RunDirectory.LastCheckpoint"/> instead of starting fresh.</summary>
    public bool Resume { get; init; }
    /// <summary>Overrides the spec's epoch count.</summary>
    public int? EpochsOverride { get; init; }
    /// <summary>Device to train on.</summary>
    public Device? Device { get; init; }
    /// <summary>What to optimise instead of <c>train.loss</c> on labels (masked patch pretraining); null for supervised training.</summary>
    public ITrainingObjective? Objective { get; init; }
    /// <summary>Good float16 steps before the loss scale grows; tests shorten GradScaler's 2000 to see growth.</summary>
    internal int LossScaleGrowthInterval { get; init; } = LossScaler.DefaultGrowthInterval;
}
