using System.Diagnostics;
using AstDsl.Training.Loop;
using Xunit;

namespace AstDsl.Training.Tests;

public sealed class InterruptSignalTests
{
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void A_signal_cancels_the_token_instead_of_killing_the_process(string signal)
    {
        using var interrupt = new InterruptSignal();
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {Environment.ProcessId}") { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.True(interrupt.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(10)), $"SIG{signal} did not cancel the token");
    }

    [Fact]
    public void An_outer_cancellation_cancels_too()
    {
        using var outer = new CancellationTokenSource();
        using var interrupt = new InterruptSignal(outer.Token);
        outer.Cancel();
        Assert.True(interrupt.Token.IsCancellationRequested);
    }
}
