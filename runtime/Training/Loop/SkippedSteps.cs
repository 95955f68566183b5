using System.Globalization;

namespace AstDsl.Training.Loop;

/// <summary>
/// The optimiser steps a float16 run skipped because its scaled gradients overflowed, gathered so the run log gets at
/// most one line per epoch: early in a run the scale halves several times in a row, and late in it overflows recur
/// every few thousand steps by design.
/// </summary>
internal sealed class SkippedSteps
{
    private int _count;
    private long _firstStep;
    private float _firstScale;
    private float _firstScaleAfter;

    /// <summary>Step <paramref name="step"/> (1-based) was skipped; the scale went from <paramref name="scaleBefore"/> to <paramref name="scaleAfter"/>.</summary>
    public void Record(long step, float scaleBefore, float scaleAfter)
    {
        if (_count++ > 0) return;
        (_firstStep, _firstScale, _firstScaleAfter) = (step, scaleBefore, scaleAfter);
    }

    /// <summary>The log line for the steps skipped in <paramref name="epoch"/> since the last call, or null if none were; starts a new count.</summary>
    public string? TakeSummary(int epoch, float scaleNow)
    {
        if (_count == 0) return null;
        var line = _count == 1
            ? string.Create(CultureInfo.InvariantCulture,
                $"step {_firstStep}: gradients overflowed at scale {_firstScale}, step skipped, scale now {_firstScaleAfter}")
            : string.Create(CultureInfo.InvariantCulture,
                $"epoch {epoch}: {_count} steps skipped because gradients overflowed (the first at step {_firstStep}, scale {_firstScale}), scale now {scaleNow}");
        _count = 0;
        return line;
    }
}
