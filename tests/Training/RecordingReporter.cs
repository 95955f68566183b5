using AstDsl.Training.Loop;
using AstDsl.Training.Progress;

namespace AstDsl.Training.Tests;

/// <summary>Keeps what the trainer reported, and optionally requests cancellation after a number of steps (a simulated Ctrl-C).</summary>
internal sealed class RecordingReporter : IProgressReporter
{
    private readonly CancellationTokenSource? _cancelAfter;
    private readonly long _stepLimit;

    public RecordingReporter(CancellationTokenSource? cancelAfter = null, long stepLimit = long.MaxValue)
    {
        _cancelAfter = cancelAfter;
        _stepLimit = stepLimit;
    }

    public List<StepProgress> Steps { get; } = new();
    public List<EpochRecord> Epochs { get; } = new();
    public List<string> Messages { get; } = new();

    public void Step(StepProgress progress)
    {
        Steps.Add(progress);
        if (progress.GlobalStep >= _stepLimit) _cancelAfter?.Cancel();
    }

    public void EpochFinished(EpochRecord record, string mainMetric) => Epochs.Add(record);

    public void Message(string text) => Messages.Add(text);
}
