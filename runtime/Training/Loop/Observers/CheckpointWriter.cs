using AstDsl.Network;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Runs;
using TorchSharp.Modules;

namespace AstDsl.Training.Loop.Observers;

/// <summary>
/// The one place that decides which checkpoints a run writes: the epoch's weights (the <c>train.keep_checkpoints</c>
/// most recent ones), the best weights, and the resumable last.astckpt (after every epoch and on an interrupt).
/// </summary>
internal sealed class CheckpointWriter : IEpochObserver
{
    private readonly RunDirectory _run;
    private readonly AstNetwork _model;
    private readonly OptimizerHelper _optimizer;
    private readonly ModelMetadata _metadata;
    private readonly TrainSettings _settings;

    public CheckpointWriter(RunDirectory run, AstNetwork model, OptimizerHelper optimizer, ModelMetadata metadata, TrainSettings settings)
    {
        _run = run;
        _model = model;
        _optimizer = optimizer;
        _metadata = metadata;
        _settings = settings;
    }

    /// <summary>The newest complete resumable checkpoint of this session, if one was written.</summary>
    public string? LastWritten { get; private set; }

    public void EpochFinished(EpochEnd end)
    {
        KeepEpochCheckpoint(end.Record.Epoch);
        if (end.IsBest) TrainingCheckpoint.SaveWeights(_run.BestCheckpoint, _model, _metadata);
        SaveResumable(end.Progress, end.EnsembleSum);
    }

    /// <summary>Writes last.astckpt from <paramref name="progress"/> (also mid-epoch, on an interrupt).</summary>
    public void SaveResumable(TrainingProgress progress, float[]? ensembleSum)
    {
        TrainingCheckpoint.SaveResumable(_run.LastCheckpoint, _model, _metadata, progress, _optimizer, ensembleSum);
        LastWritten = _run.LastCheckpoint;
    }

    // Keeps the train.keep_checkpoints most recent epoch checkpoints (weight averaging reads them); best and last are
    // written separately.
    private void KeepEpochCheckpoint(int epoch)
    {
        if (_settings.KeepCheckpoints == 0) return;
        TrainingCheckpoint.SaveWeights(_run.EpochCheckpoint(epoch), _model, _metadata);
        if (CheckpointRetention.Expired(_settings, epoch) is { } expired) File.Delete(_run.EpochCheckpoint(expired));
    }
}
