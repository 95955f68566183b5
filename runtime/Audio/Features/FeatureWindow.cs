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
                    return hann.pow(0.85);
            case WindowType.Hamming:
                return hamming_window(size, periodic: false, alpha: 0.54f, beta: 0.46f, dtype: float32);
            case WindowType.Rectangular:
                return ones(size, dtype: float32);
            case WindowType.Blackman:
                using (var scope = NewDisposeScope())
                {
                    var a = 2 * Math.PI / (size - 1);
                    var n = arange(size, dtype: float32);
                    var w = BlackmanCoefficient - 0.5 * cos(a * n) + (0.5 - BlackmanCoefficient) * cos(2 * a * n);
                    return w.MoveToOuterDisposeScope();
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "unknown window type");
        }
    }
}
