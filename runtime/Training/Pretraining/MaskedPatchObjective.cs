using AstDsl.Audio.Data;
using AstDsl.Network;
using AstDsl.Network.Pretraining;
using AstDsl.Training.Data;
using AstDsl.Training.Loop;
using static TorchSharp.torch;

namespace AstDsl.Training.Pretraining;

/// <summary>
/// Masked patch pretraining as a trainer objective (<c>pretrain { }</c>): each batch masks fresh patches (seeded by
/// run seed, epoch and batch, so a resumed run masks as the interrupted one), the loss is
/// <c>mpc * MPC + mpg * MPG</c>; evaluation masks the evaluation clips the same way every epoch, so its curves compare
/// epochs. Metrics: the masked-prediction accuracy (main), both losses on evaluation, and their training means.
/// </summary>
public sealed class MaskedPatchObjective : ITrainingObjective
{
    /// <summary>Evaluation masked-prediction accuracy (MPC picks the right patch), the main metric.</summary>
    public const string Accuracy = "masked_acc";
    /// <summary>Evaluation InfoNCE loss.</summary>
    public const string MpcLoss = "mpc_loss";
    /// <summary>Evaluation reconstruction MSE.</summary>
    public const string MpgLoss = "mpg_loss";
    private const string TrainPrefix = "train_";
    // Stands for the epoch in evaluation seeds: evaluation masks never coincide with a training epoch's.
    private const long EvaluationStream = -1;

    private readonly MaskedPatchSettings _settings;
    private readonly int _seed;
    private readonly Means _train = new();

    /// <summary>An objective with the spec's weights, masked patch count and cluster switch, seeded by <c>train.seed</c>.</summary>
    public MaskedPatchObjective(MaskedPatchSettings settings, int seed)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _seed = seed;
    }

    /// <inheritdoc />
    public string MainMetric => Accuracy;

    /// <inheritdoc />
    public Tensor Loss(AstNetwork model, TrainingBatch batch, Device device, int epoch, int batchIndex)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var losses = Compute(model, batch.Features.to(device), SeedMixer.Derive(_seed, epoch, batchIndex));
        _train.Add(losses, batch.Size);
        return losses.Total(_settings);
    }

    /// <inheritdoc />
    public ObjectiveScores Evaluate(AstNetwork model, IBatchSource eval, Device device)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(eval);
        model.eval();
        var means = new Means();
        var index = 0;
        using (no_grad())
        {
            foreach (var batch in eval.Batches(1))
            {
                using (batch)
                using (NewDisposeScope())
                using (var losses = Compute(model, batch.Features.to(device), SeedMixer.Derive(_seed, EvaluationStream, index++)))
                    means.Add(losses, batch.Size);
            }
        }
        var metrics = new Dictionary<string, double>
        {
            [Accuracy] = means.Accuracy, [MpcLoss] = means.Mpc, [MpgLoss] = means.Mpg,
            [TrainPrefix + Accuracy] = _train.Accuracy, [TrainPrefix + MpcLoss] = _train.Mpc, [TrainPrefix + MpgLoss] = _train.Mpg,
        };
        _train.Clear();
        return new ObjectiveScores(_settings.MpcWeight * means.Mpc + _settings.MpgWeight * means.Mpg, metrics);
    }

    private MaskedPatchLosses Compute(AstNetwork model, Tensor frames, int seed)
    {
        if (model is not MaskedPatchModel masked)
            throw new ArgumentException($"masked patch pretraining needs a {nameof(MaskedPatchModel)}, got {model.GetType().Name}", nameof(model));
        var options = masked.Options;
        using var positions = PatchMasking.Batch((int)frames.shape[0], options.FDim, options.TDim, _settings.MaskedPatches, _settings.Cluster, new Random(seed))
            .to(frames.device);
        return MaskedPatchLosses.Compute(masked, frames, positions);
    }

    // Clip-weighted running means of the three numbers.
    private sealed class Means
    {
        private double _mpc, _mpg, _accuracy, _clips;

        public double Mpc => _mpc / _clips;
        public double Mpg => _mpg / _clips;
        public double Accuracy => _accuracy / _clips;

        public void Add(MaskedPatchLosses losses, int clips)
        {
            _mpc += losses.Mpc.item<float>() * clips;
            _mpg += losses.Mpg.item<float>() * clips;
            _accuracy += losses.Accuracy.item<float>() * clips;
            _clips += clips;
        }

        public void Clear() => _mpc = _mpg = _accuracy = _clips = 0;
    }
}
