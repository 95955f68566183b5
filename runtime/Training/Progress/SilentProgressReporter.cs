using AstDsl.Training.Loop;

namespace AstDsl.Training.Progress;

/// <summary>Reports nothing: for library callers and tests that do not display progress.</summary>
public sealed class SilentProgressReporter : IProgressReporter
{
    /// <summary>The shared instance.</summary>
    public static SilentProgressReporter Instance { get; } = new();

    private SilentProgressReporter() { }

    /// <inheritdoc />
    public void Step(StepProgress progress) { }

    /// <inheritdoc />
    public void EpochFinished(EpochRecord record, string mainMetric) { }

    /// <inheritdoc />
    public void Message(string text) { }
}
