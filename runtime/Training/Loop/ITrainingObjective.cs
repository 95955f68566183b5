using AstDsl.Network;
using AstDsl.Training.Data;
using static TorchSharp.torch;

namespace AstDsl.Training.Loop;

/// <summary>
/// What a run optimises and how it scores each epoch's weights, when that is not the supervised loss of
/// <c>train.loss</c> on labels (e.g. masked patch pretraining). The trainer keeps everything else: schedule,
/// accumulation, checkpoints, resume, curves, report.
/// </summary>
public interface ITrainingObjective
{
    /// <summary>The metric that picks the best epoch (higher is better).</summary>
    string MainMetric { get; }

    /// <summary>
    /// The training loss of one batch (a scalar with gradients). <paramref name="epoch"/> and
    /// <paramref name="batchIndex"/> seed any randomness, so a resumed run draws what the interrupted one would have.
    /// </summary>
    Tensor Loss(AstNetwork model, TrainingBatch batch, Device device, int epoch, int batchIndex);

    /// <summary>Scores the current weights on <paramref name="eval"/>: the mean loss and the named metrics.</summary>
    ObjectiveScores Evaluate(AstNetwork model, IBatchSource eval, Device device);
}

/// <summary>An epoch's evaluation by an <see cref="ITrainingObjective"/>.</summary>
/// <param name="Loss">Mean evaluation loss.</param>
/// <param name="Metrics">Metrics by name, the main one included.</param>
public sealed record ObjectiveScores(double Loss, IReadOnlyDictionary<string, double> Metrics);
