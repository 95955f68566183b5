using System.Diagnostics;
using AstDsl.Training.Loop;

namespace AstDsl.Training.Progress;

/// <summary>Periodic plain lines for logs and CI, where a live display would only produce control characters.</summary>
public sealed class PlainProgressReporter : IProgressReporter
{
    private readonly TextWriter _output;
    private readonly TimeSpan _interval;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastLine;

    /// <summary>Writes to <paramref name="output"/> at most once per <paramref name="interval"/> (plus every epoch end).</summary>
    public PlainProgressReporter(TextWriter output, TimeSpan interval)
    {
        _output = output;
        _interval = interval;
    }

    /// <inheritdoc />
    public void Step(StepProgress progress)
    {
        if (_lastLine is { } last && _clock.Elapsed - last < _interval && progress.Batch != progress.Batches) return;
        _lastLine = _clock.Elapsed;
        _output.WriteLine(progress.Describe());
    }

    /// <inheritdoc />
    public void EpochFinished(EpochRecord record, string mainMetric) => _output.WriteLine(EpochSummary.Describe(record, mainMetric));

    /// <inheritdoc />
    public void Message(string text) => _output.WriteLine(text);
}
