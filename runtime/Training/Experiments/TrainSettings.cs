namespace AstDsl.Training.Experiments;

/// <summary>Loss function.</summary>
public enum LossKind
{
    /// <summary>Binary cross-entropy with logits (multi-label, AudioSet).</summary>
    Bce,
    /// <summary>Cross-entropy on argmax targets (single-label, ESC-50, Speech Commands).</summary>
    Ce,
}

/// <summary>Learning-rate schedule after warm-up.</summary>
public enum ScheduleKind
{
    /// <summary>Constant learning rate.</summary>
    Constant,
    /// <summary>Multiply by gamma every DecayStep epochs from DecayStart on (official MultiStepLR use).</summary>
    MultiStep,
    /// <summary>Reduce on plateau of the main metric.</summary>
    Plateau,
}

/// <summary>Optimiser and its arguments (official defaults: Adam, betas 0.95/0.999, weight decay 5e-7).</summary>
public sealed record OptimizerSettings
{
    /// <summary>adam or adamw.</summary>
    public string Name { get; init; } = "adam";
    /// <summary>Peak learning rate.</summary>
    public double LearningRate { get; init; } = 1e-5;
    /// <summary>Adam beta1.</summary>
    public double Beta1 { get; init; } = 0.95;
    /// <summary>Adam beta2.</summary>
    public double Beta2 { get; init; } = 0.999;
    /// <summary>Weight decay.</summary>
    public double WeightDecay { get; init; } = 5e-7;
}

/// <summary>Learning-rate schedule.</summary>
public sealed record ScheduleSettings
{
    /// <summary>Linear warm-up (lr * step / WarmupSteps, updated every 50 steps) as the official code.</summary>
    public bool Warmup { get; init; }
    /// <summary>Warm-up length in optimiser steps.</summary>
    public int WarmupSteps { get; init; } = 1000;
    /// <summary>Steps between warm-up learning-rate updates (the official code updates every 50 steps).</summary>
    public int WarmupInterval { get; init; } = 50;
    /// <summary>Schedule after warm-up.</summary>
    public ScheduleKind Kind { get; init; } = ScheduleKind.MultiStep;
    /// <summary>First epoch (1-based) at which MultiStep decays.</summary>
    public int DecayStart { get; init; } = 5;
    /// <summary>Epochs between decays.</summary>
    public int DecayStep { get; init; } = 1;
    /// <summary>Decay factor.</summary>
    public double Gamma { get; init; } = 0.85;
    /// <summary>Plateau patience in epochs.</summary>
    public int Patience { get; init; } = 2;
    /// <summary>Factor applied on a plateau (the official ReduceLROnPlateau uses 0.5).</summary>
    public double PlateauFactor { get; init; } = 0.5;
}

/// <summary>Optimisation settings.</summary>
public sealed record TrainSettings
{
    /// <summary>Optimiser.</summary>
    public OptimizerSettings Optimizer { get; init; } = new();
    /// <summary>Loss.</summary>
    public LossKind Loss { get; init; } = LossKind.Bce;
    /// <summary>Clips per batch.</summary>
    public int BatchSize { get; init; } = 12;
    /// <summary>Epochs.</summary>
    public int Epochs { get; init; } = 5;
    /// <summary>Batches whose gradients are summed before one optimiser step.</summary>
    public int AccumulationSteps { get; init; } = 1;
    /// <summary>Gradient-norm clipping; null disables.</summary>
    public double? ClipNorm { get; init; }
    /// <summary>Learning-rate schedule.</summary>
    public ScheduleSettings Schedule { get; init; } = new();
    /// <summary>Average the weights of epochs [start, end] (the paper's WA); null disables.</summary>
    public (int Start, int End)? WeightAveraging { get; init; }
    /// <summary>Random seed; the same seed gives the same numbers on CPU.</summary>
    public int Seed { get; init; }
}
