namespace AstDsl.Dsl.Resolved;

/// <summary>Optimiser (official defaults: adam, betas 0.95/0.999, weight decay 5e-7).</summary>
/// <param name="Name">adam or adamw.</param>
/// <param name="LearningRate">Peak learning rate.</param>
/// <param name="Beta1">Adam beta1.</param>
/// <param name="Beta2">Adam beta2.</param>
/// <param name="WeightDecay">Weight decay.</param>
public sealed record OptimizerSpec(string Name, double LearningRate, double Beta1, double Beta2, double WeightDecay);

/// <summary>Learning-rate schedule after warm-up.</summary>
/// <param name="Kind">constant, multistep or plateau.</param>
/// <param name="DecayStart">First decaying epoch (multistep).</param>
/// <param name="DecayStep">Epochs between decays (multistep).</param>
/// <param name="Gamma">Decay factor.</param>
/// <param name="Patience">Epochs without improvement before a decay (plateau).</param>
/// <param name="PlateauFactor">Learning-rate factor on a plateau.</param>
public sealed record ScheduleSpec(string Kind, int DecayStart, int DecayStep, double Gamma, int Patience, double PlateauFactor);

/// <summary>Optimisation.</summary>
/// <param name="Optimizer">Optimiser and its arguments.</param>
/// <param name="Loss">bce or ce.</param>
/// <param name="BatchSize">Clips per batch.</param>
/// <param name="Epochs">Epochs.</param>
/// <param name="AccumulationSteps">Batches per optimiser step.</param>
/// <param name="ClipNorm">Gradient-norm clip, or null.</param>
/// <param name="Warmup">Linear warm-up on.</param>
/// <param name="WarmupSteps">Warm-up length in optimiser steps.</param>
/// <param name="WarmupInterval">Optimiser steps between warm-up learning-rate updates.</param>
/// <param name="Schedule">Schedule after warm-up.</param>
/// <param name="WeightAveragingStart">First averaged epoch, or null when weight averaging is off.</param>
/// <param name="WeightAveragingEnd">Last averaged epoch, or null.</param>
/// <param name="Seed">Random seed.</param>
public sealed record TrainSpec(
    OptimizerSpec Optimizer, string Loss, int BatchSize, int Epochs, int AccumulationSteps, double? ClipNorm,
    bool Warmup, int WarmupSteps, int WarmupInterval, ScheduleSpec Schedule, int? WeightAveragingStart, int? WeightAveragingEnd, int Seed);
