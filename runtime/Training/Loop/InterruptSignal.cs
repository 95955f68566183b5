using System.Runtime.InteropServices;

namespace AstDsl.Training.Loop;

/// <summary>
/// Turns the first SIGINT (Ctrl-C) or SIGTERM into a cancellation, so the loop can save a checkpoint at the next
/// step boundary; a second signal is left to terminate the process as usual.
/// </summary>
public sealed class InterruptSignal : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly PosixSignalRegistration[] _registrations;

    /// <summary>Starts listening; <paramref name="outer"/> cancels too.</summary>
    public InterruptSignal(CancellationToken outer = default)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _registrations = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }
            .Select(signal => PosixSignalRegistration.Create(signal, OnSignal)).ToArray();
    }

    /// <summary>Cancelled once a signal arrived.</summary>
    public CancellationToken Token => _source.Token;

    private void OnSignal(PosixSignalContext context)
    {
        if (_source.IsCancellationRequested) return;
        context.Cancel = true;
        _source.Cancel();
    }

    /// <summary>Stops listening.</summary>
    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _source.Dispose();
    }
}
