using TorchSharp;

namespace AstDsl.Torch;

/// <summary>
/// The constant Scalars the runtime passes to libtorch on every call, created once and never disposed.
/// </summary>
/// <remarks>
/// An implicit number -> <see cref="Scalar"/> conversion (<c>x * 2.0</c>, and TorchSharp's own alpha = 1 inside
/// <c>a + b</c> and <c>add(Scalar)</c>) makes a temporary that is unreachable while libtorch reads it, so a garbage
/// collection on another thread (the prefetching loader's) can finalize it mid-call: the process then fails at random
/// with "Expected false to be true ... toDouble" or reads garbage. Static fields stay reachable, so they are never
/// finalized; values that vary per call are held by <c>using var s = value.ToScalar()</c> in the calling method instead.
/// The compiler enforces this: runtime/Torch/BannedSymbols.txt bans the implicit conversions and alpha-less additions.
/// </remarks>
public static class HeldScalars
{
    /// <summary>Integer 1: the alpha of an addition (the value TorchSharp would pass implicitly) and an arange step.</summary>
    public static readonly Scalar One = 1.ToScalar();

    /// <summary>Integer 0: an arange start.</summary>
    public static readonly Scalar Zero = 0.ToScalar();

    /// <summary>Integer -1: a descending arange step.</summary>
    public static readonly Scalar MinusOne = (-1).ToScalar();

    /// <summary>2.0: the exponent of a square (libtorch computes it as x * x).</summary>
    public static readonly Scalar Two = 2.0.ToScalar();
}
