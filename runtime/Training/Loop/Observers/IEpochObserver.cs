namespace AstDsl.Training.Loop.Observers;

/// <summary>Something that happens after every evaluated epoch (checkpoints, metrics files, plots, display).</summary>
internal interface IEpochObserver
{
    /// <summary>Called once per finished epoch, in the order the observers were given.</summary>
    void EpochFinished(EpochEnd end);
}
