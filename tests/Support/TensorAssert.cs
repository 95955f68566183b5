using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.TestSupport;

/// <summary>Tensor comparisons that report the size of a mismatch, not just that one exists.</summary>
public static class TensorAssert
{
    /// <summary>Largest absolute element difference (shapes must agree).</summary>
    public static double MaxAbsDiff(Tensor actual, Tensor expected)
    {
        AssertSameShape(actual, expected);
        using var scope = NewDisposeScope();
        return (actual.to(float64) - expected.to(float64)).abs().max().item<double>();
    }

    /// <summary>Fails unless every element differs by at most <paramref name="tolerance"/>.</summary>
    public static void Close(Tensor actual, Tensor expected, double tolerance, string what)
    {
        var diff = MaxAbsDiff(actual, expected);
        if (!(diff <= tolerance))
            throw new Xunit.Sdk.XunitException($"{what}: max abs diff {diff:G4} exceeds {tolerance:G4}");
    }

    /// <summary>Fails unless max|a-b| / max|b| is at most <paramref name="relative"/>.</summary>
    public static void RelativelyClose(Tensor actual, Tensor expected, double relative, string what)
    {
        var diff = MaxAbsDiff(actual, expected);
        using var scope = NewDisposeScope();
        var scale = expected.to(float64).abs().max().item<double>();
        if (!(diff <= relative * scale))
            throw new Xunit.Sdk.XunitException($"{what}: max abs diff {diff:G4} / max abs {scale:G4} = {diff / scale:G4} exceeds {relative:G4}");
    }

    /// <summary>Fails unless the two tensors are bit-identical.</summary>
    public static void Equal(Tensor actual, Tensor expected, string what)
    {
        AssertSameShape(actual, expected);
        if (actual.dtype != expected.dtype || !actual.eq(expected).all().item<bool>())
            throw new Xunit.Sdk.XunitException($"{what}: not bit-identical (max abs diff {MaxAbsDiff(actual, expected):G4})");
    }

    private static void AssertSameShape(Tensor actual, Tensor expected)
    {
        if (!actual.shape.SequenceEqual(expected.shape))
            throw new Xunit.Sdk.XunitException(
                $"shape [{string.Join(", ", actual.shape)}] differs from expected [{string.Join(", ", expected.shape)}]");
    }
}
