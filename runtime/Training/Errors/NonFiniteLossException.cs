namespace AstDsl.Training.Errors;

/// <summary>The loss became NaN or infinite; the run stops instead of training on garbage.</summary>
public sealed class NonFiniteLossException : TrainingException
{
    /// <summary>Creates the error for optimiser step <paramref name="step"/> of <paramref name="epoch"/>.</summary>
    public NonFiniteLossException(int epoch, long step, double loss, double learningRate, string? lastGoodCheckpoint)
        : base($"loss is {loss} at epoch {epoch}, step {step} (learning rate {learningRate:G4}). " +
               (lastGoodCheckpoint is null
                   ? "No checkpoint was written yet. "
                   : $"The last good checkpoint is {lastGoodCheckpoint}. ") +
               "Lower the learning rate, enable warm-up or gradient clipping, or check the input features for NaN.")
    {
        Epoch = epoch;
        Step = step;
        Loss = loss;
        LearningRate = learningRate;
        LastGoodCheckpoint = lastGoodCheckpoint;
    }

    /// <summary>Epoch (1-based) in which the loss diverged.</summary>
    public int Epoch { get; }
    /// <summary>Global optimiser step at which the loss diverged.</summary>
    public long Step { get; }
    /// <summary>The non-finite loss value.</summary>
    public double Loss { get; }
    /// <summary>Learning rate in force at that step.</summary>
    public double LearningRate { get; }
    /// <summary>The newest checkpoint written before the divergence, if any.</summary>
    public string? LastGoodCheckpoint { get; }
}
