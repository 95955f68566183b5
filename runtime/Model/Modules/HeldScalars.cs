using TorchSharp;

namespace AstDsl.Model.Modules;

/// <summary>The Scalars the model passes to libtorch on every forward, created once and never disposed.</summary>
/// <remarks>
/// TorchSharp's <c>a + b</c> on two tensors converts its alpha = 1 to a temporary Scalar that is unreachable while
/// libtorch reads it; a garbage collection on another thread (the prefetching loader's) can then finalize it mid-call
/// and the forward fails at random with "Expected false to be true ... toDouble". A static field is never finalized.
/// (runtime/Audio holds its own: neither project references the other.)
/// </remarks>
internal static class HeldScalars
{
    /// <summary>Integer 1, the alpha TorchSharp would pass implicitly to a tensor addition.</summary>
    public static readonly Scalar One = 1.ToScalar();
}
