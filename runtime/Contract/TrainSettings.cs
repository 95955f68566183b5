namespace AstDsl.Contract;

/// <summary>Optimiser and its arguments (<c>train.optimizer</c>; official defaults: Adam, betas 0.95/0.999, weight decay 5e-7).</summary>
public sealed record OptimizerSettings
{
    /// <summary>adam or adamw.</summary>
    public OptimizerKind Kind { get; init; } = OptimizerKind.Adam;
    /// <summary><c>lr</c>: peak learning rate.</summary>
    public double LearningRate { get; init; } = 1e-5;
    /// <summary><c>betas</c>: Adam beta1.</summary>
    public double Beta1 { get; init; } = 0.95;
    /// <summary><c>betas</c>: Adam beta2.</summary>
    public double Beta2 { get; init; } = 0.999;
    /// <summary><c>weight_decay</c>.</summary>
    public double WeightDecay { get; init; } = 5e-7;
}

/// <summary>Learning-rate warm-up (<c>train.warmup*</c>) and schedule (<c>train.schedule</c>), defaults as the official recipe.</summary>
public sealed record ScheduleSettings
{
    /// <summary><c>warmup</c>: linear warm-up (lr * step / WarmupSteps, updated every WarmupInterval steps) as the official code.</summary>
    public bool Warmup { get; init; } = true;
    /// <summary><c>warmup_steps</c>: warm-up length in optimiser steps.</summary>
    public int WarmupSteps { get; init; } = 1000;
    /// <summary><c>warmup_interval</c>: steps between warm-up learning-rate updates.</summary>
    public int WarmupInterval { get; init; } = 50;
    /// <summary>Schedule after warm-up.</summary>
    public ScheduleKind Kind { get; init; } = ScheduleKind.MultiStep;
    /// <summary><c>multistep(start)</c>: first epoch (1-based) at which the learning rate decays.</summary>
    public int DecayStart { get; init; } = 2;
    /// <summary><c>multistep(step)</c>: epochs between decays.</summary>
    public int DecayStep { get; init; } = 1;
    /// <summary><c>multistep(gamma)</c>: decay factor.</summary>
    public double Gamma { get; init; } = 0.5;
    /// <summary><c>plateau(patience)</c>: epochs without improvement before a decay.</summary>
    public int Patience { get; init; } = 2;
    /// <summary><c>plateau(factor)</c>: factor applied on a plateau (the official ReduceLROnPlateau uses 0.5).</summary>
    public double PlateauFactor { get; init; } = 0.5;
}

/// <summary>Optimisation (<c>train</c>).</summary>
public sealed record TrainSettings
{
    /// <summary><c>optimizer</c>.</summary>
    public OptimizerSettings Optimizer { get; init; } = new();
    /// <summary><c>loss</c>.</summary>
    public LossKind Loss { get; init; } = LossKind.Bce;
    /// <summary><c>batch</c>: clips per batch.</summary>
    public int BatchSize { get; init; } = 12;
    /// <summary><c>epochs</c>.</summary>
    public int Epochs { get; init; } = 5;
    /// <summary><c>accumulation</c>: batches whose gradients are summed before one optimiser step.</summary>
    public int AccumulationSteps { get; init; } = 1;
    /// <summary><c>clip</c>: gradient-norm clipping; null disables.</summary>
    public double? ClipNorm { get; init; }
    /// <summary>Warm-up and schedule.</summary>
    public ScheduleSettings Schedule { get; init; } = new();
    /// <summary><c>wa</c>: average the weights of epochs [start, end] (the paper's WA); null disables.</summary>
    public (int Start, int End)? WeightAveraging { get; init; }
    /// <summary>
    /// <c>keep_checkpoints</c>: how many of the most recent epoch checkpoints a run keeps besides best and last
    /// (see <see cref="CheckpointRetention"/>); weight averaging reads its epochs from these files.
    /// </summary>
    public int KeepCheckpoints { get; init; }
    /// <summary><c>precision</c>: arithmetic of the matrix products while training and evaluating (see <see cref="Contract.Precision"/>).</summary>
    public Precision Precision { get; init; } = Precision.Fp32;
    /// <summary>
    /// <c>gradient_checkpointing</c>: keep only each transformer block's input during the forward pass and recompute
    /// its activations in the backward pass (less memory for large inputs, about one more forward pass of time).
    /// </summary>
    public bool GradientCheckpointing { get; init; }
    /// <summary><c>seed</c>: the same seed gives the same numbers on CPU.</summary>
    public int Seed { get; init; }
}
