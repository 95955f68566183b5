using AstDsl.Model;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Runs;
using TorchSharp.Modules;

namespace AstDsl.Training.Loop.Observers;

/// <summary>
/// The one place that decides which checkpoints a run writes: the epoch's weights, the best weights, and the resumable
/// last.astckpt (after every epoch and on an interrupt).
/// </summary>
internal sealed class CheckpointWriter : IEpochObserver
{
    private readonly RunDirectory _run;
    private readonly AstModel _model;
    private readonly OptimizerHelper _optimizer;
    private readonly ModelMetadata _metadata;

    public CheckpointWriter(RunDirectory run, AstModel model, OptimizerHelper optimizer, ModelMetadata metadata)
    {
        _run = run;
        _model = model;
        _optimizer = optimizer;
        _metadata = metadata;
    }

    /// <summary>The newest complete resumable checkpoint of this session, if one was written.</summary>
    public string? LastWritten { get; private set; }

    public void EpochFinished(EpochEnd end)
    {
        TrainingCheckpoint.SaveWeights(_run.EpochCheckpoint(end.Record.Epoch), _model, _metadata);
        if (end.IsBest) TrainingCheckpoint.SaveWeights(_run.BestCheckpoint, _model, _metadata);
        SaveResumable(end.Progress, end.EnsembleSum);
    }

    /// <summary>Writes last.astckpt from <paramref name="progress"/> (also mid-epoch, on an interrupt).</summary>
    public void SaveResumable(TrainingProgress progress, float[]? ensembleSum)
    {
        TrainingCheckpoint.SaveResumable(_run.LastCheckpoint, _model, _metadata, progress, _optimizer, ensembleSum);
        LastWritten = _run.LastCheckpoint;
    }
}
