using AstDsl.Training.Loop;

namespace AstDsl.Training.Progress;

/// <summary>Receives training progress for display.</summary>
public interface IProgressReporter
{
    /// <summary>After every optimiser step (implementations throttle their own output).</summary>
    void Step(StepProgress progress);

    /// <summary>After an epoch was evaluated.</summary>
    void EpochFinished(EpochRecord record, string mainMetric);

    /// <summary>A notable event (checkpoint written, resume, interrupt).</summary>
    void Message(string text);
}
