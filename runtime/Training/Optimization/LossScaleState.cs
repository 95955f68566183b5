namespace AstDsl.Training.Optimization;

/// <summary>
/// Where a float16 run's dynamic loss scale stands: kept in the resumable checkpoint so a resumed run continues with
/// the scale it had instead of rediscovering it through skipped steps.
/// </summary>
/// <param name="Scale">The factor the loss is multiplied by before the backward pass.</param>
/// <param name="GrowthTracker">Consecutive steps with finite gradients since the scale last changed.</param>
public sealed record LossScaleState(float Scale, int GrowthTracker);
