using AstDsl.Training.Progress;
using AstDsl.Training.Runs;

namespace AstDsl.Training.Loop.Observers;

/// <summary>Tells the log and the progress display that an epoch finished.</summary>
internal sealed class EpochAnnouncer(RunLog log, IProgressReporter reporter, string mainMetric) : IEpochObserver
{
    public void EpochFinished(EpochEnd end)
    {
        log.Write(EpochSummary.Describe(end.Record, mainMetric));
        reporter.EpochFinished(end.Record, mainMetric);
    }
}
