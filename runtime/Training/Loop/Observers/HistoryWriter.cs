using AstDsl.Training.Reports;
using AstDsl.Training.Runs;

namespace AstDsl.Training.Loop.Observers;

/// <summary>Rewrites metrics.csv, metrics.yaml and the curves from the whole history after every epoch.</summary>
internal sealed class HistoryWriter(RunDirectory run, string mainMetric) : IEpochObserver
{
    public void EpochFinished(EpochEnd end)
    {
        MetricsHistoryWriter.Write(run, end.Progress.History);
        CurvePlots.Write(run, end.Progress.History, mainMetric);
    }
}
