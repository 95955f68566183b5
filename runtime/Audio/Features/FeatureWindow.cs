using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Audio.Features;

/// <summary>Builds Kaldi analysis windows exactly as torchaudio does (float32, symmetric).</summary>
public static class FeatureWindow
{
    private const double BlackmanCoefficient = 0.42;

    /// <summary>A (size) window on the CPU in float32.</summary>
    public static Tensor Create(WindowType type, int size)
    {
        switch (type)
        {
            case WindowType.Hanning:
                return hann_window(size, periodic: false, dtype: float32);
            case WindowType.Povey:
                using (var hann = hann_window(size, periodic: false, dtype: float32))
                using (var exponent = 0.85.ToScalar())
                    return hann.pow(exponent);
            case WindowType.Hamming:
                return hamming_window(size, periodic: false, alpha: 0.54f, beta: 0.46f, dtype: float32);
            case WindowType.Rectangular:
                return ones(size, dtype: float32);
            case WindowType.Blackman:
                return Blackman(size);
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "unknown window type");
        }
    }

    // 0.42 - 0.5 cos(a n) + 0.08 cos(2 a n), in the operation order of the former operator form so the float32 rounding
    // is unchanged; explicit Scalars held to the end of the calls (see HeldScalars).
    private static Tensor Blackman(int size)
    {
        var a = 2 * Math.PI / (size - 1);
        using var count = size.ToScalar();
        using var step = a.ToScalar();
        using var doubleStep = (2 * a).ToScalar();
        using var half = 0.5.ToScalar();
        using var coefficient = BlackmanCoefficient.ToScalar();
        using var rest = (0.5 - BlackmanCoefficient).ToScalar();
        using var scope = NewDisposeScope();
        var n = arange(HeldScalars.Zero, count, HeldScalars.One, dtype: float32);
        var first = cos(n.mul(step)).mul(half).negative().add(coefficient, HeldScalars.One);
        var w = first.add(cos(n.mul(doubleStep)).mul(rest), HeldScalars.One);
        return w.MoveToOuterDisposeScope();
    }
}
