namespace AstDsl.Tagging;

/// <summary>
/// Band-limited resampling with a Hann-windowed sinc, the defaults of torchaudio.functional.resample (6 zero crossings
/// each side, cut-off 0.99 of the lower Nyquist frequency), in managed code so that the ONNX-only package needs no
/// libtorch. Output length is ceil(samples x to / from).
/// </summary>
public static class Resampler
{
    private const int ZeroCrossings = 6;
    private const double Rolloff = 0.99;

    /// <summary><paramref name="samples"/> at <paramref name="from"/> Hz resampled to <paramref name="to"/> Hz.</summary>
    public static float[] Resample(ReadOnlySpan<float> samples, int from, int to)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(from, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, 1);
        if (from == to) return samples.ToArray();
        var divisor = Gcd(from, to);
        long inRate = from / divisor, outRate = to / divisor;
        // Filter time unit: input samples scaled by the cut-off (base / inRate), as torchaudio.
        var cutoff = Math.Min(inRate, outRate) * Rolloff / inRate;
        var reach = ZeroCrossings / cutoff;
        var output = new float[(int)((samples.Length * outRate + inRate - 1) / inRate)];
        for (var n = 0; n < output.Length; n++)
        {
            var centre = (double)n * inRate / outRate;
            var first = Math.Max(0, (int)Math.Ceiling(centre - reach));
            var last = Math.Min(samples.Length - 1, (int)Math.Floor(centre + reach));
            var sum = 0.0;
            for (var j = first; j <= last; j++)
            {
                var z = (j - centre) * cutoff;
                var window = Math.Cos(z * Math.PI / ZeroCrossings / 2);
                var sinc = z == 0 ? 1.0 : Math.Sin(Math.PI * z) / (Math.PI * z);
                sum += samples[j] * sinc * window * window;
            }
            output[n] = (float)(sum * cutoff);
        }
        return output;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
