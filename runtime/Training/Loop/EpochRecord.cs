namespace AstDsl.Training.Loop;

/// <summary>What one epoch produced: training loss, learning rate, evaluation metrics.</summary>
public sealed record EpochRecord
{
    /// <summary>Epoch number (1-based).</summary>
    public required int Epoch { get; init; }
    /// <summary>Mean training loss over the epoch's batches.</summary>
    public required double TrainLoss { get; init; }
    /// <summary>Learning rate at the end of the epoch (before the epoch-end schedule step).</summary>
    public required double LearningRate { get; init; }
    /// <summary>Optimiser steps taken so far.</summary>
    public required long GlobalStep { get; init; }
    /// <summary>Evaluation metrics of this epoch's weights, by official name (mAP, mAUC, d_prime, acc).</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }
    /// <summary>Metrics of the checkpoint ensemble (mean prediction of epochs 1..this), when enabled.</summary>
    public IReadOnlyDictionary<string, double>? EnsembleMetrics { get; init; }
    /// <summary>Mean evaluation loss.</summary>
    public double EvalLoss { get; init; }
    /// <summary>Wall-clock seconds of training and evaluation.</summary>
    public double Seconds { get; init; }
}
