namespace AstDsl.Training.Loop;

/// <summary>How an epoch's training pass ended.</summary>
/// <param name="LossSum">Sum of batch losses (including batches trained before a resume).</param>
/// <param name="BatchesDone">Batches of the epoch trained so far.</param>
/// <param name="Interrupted">True when cancellation stopped the pass early, at an optimiser-step boundary.</param>
internal sealed record EpochOutcome(double LossSum, int BatchesDone, bool Interrupted)
{
    public double MeanLoss => BatchesDone == 0 ? double.NaN : LossSum / BatchesDone;
}
