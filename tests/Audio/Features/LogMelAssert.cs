using static TorchSharp.torch;

namespace AstDsl.Audio.Tests.Features;

/// <summary>The golden README's two-part criterion for log-mel values (float32 FFT round-off dominates in tiny bands).</summary>
internal static class LogMelAssert
{
    public static void Close(Tensor actual, Tensor expected, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        using var scope = NewDisposeScope();
        var a = actual.to(float64);
        var r = expected.to(float64);
        var loud = r > -9.0;
        var loudDiff = where(loud, (a - r).abs(), zeros_like(a)).max().item<double>();
        Assert.True(loudDiff <= 1e-3, $"{what}: max |diff| {loudDiff:G4} where reference > -9 exceeds 1e-3");

        var ea = a.exp();
        var er = r.exp();
        var allowance = 1e-3 * er + 1e-6 * er.max();
        var used = ((ea - er).abs() / allowance).max().item<double>();
        Assert.True(used <= 1.0, $"{what}: energy-domain difference uses {used:G4} of its allowance");
    }
}
