using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Audio.Features;

/// <summary>
/// HTK-style triangular mel filters as torchaudio's kaldi.get_mel_banks builds them (float32, no area normalisation),
/// with an extra zero column for the Nyquist bin so the matrix matches the rfft output width.
/// </summary>
public static class MelBanks
{
    /// <summary>HTK mel scale: 1127 ln(1 + f / 700).</summary>
    public static double Mel(double hz) => 1127.0 * Math.Log(1.0 + hz / 700.0);

    /// <summary>A (melBins, fftSize / 2 + 1) float32 CPU matrix of filter weights.</summary>
    public static Tensor Create(FbankOptions options, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fftSize = options.FftSize(sampleRate);
        var nyquist = 0.5 * sampleRate;
        var high = options.HighFrequency > 0 ? options.HighFrequency : options.HighFrequency + nyquist;
        var melLow = Mel(options.LowFrequency);
        var delta = (Mel(high) - melLow) / (options.MelBins + 1);
        var binWidth = (double)sampleRate / fftSize;

        // Explicit Scalars held to the end of the calls (see HeldScalars).
        using var bins = options.MelBins.ToScalar();
        using var fftBins = (fftSize / 2).ToScalar();
        using var low = melLow.ToScalar();
        using var step = delta.ToScalar();
        using var width = binWidth.ToScalar();
        using var unit = 1.0.ToScalar();
        using var corner = 700.0.ToScalar();
        using var melScale = 1127.0.ToScalar();
        using var scope = NewDisposeScope();
        // Same operation order and dtype as torchaudio so that the float32 rounding of every weight agrees.
        var bin = arange(HeldScalars.Zero, bins, HeldScalars.One, dtype: int64).unsqueeze(1);
        var left = bin.mul(step).add(low, HeldScalars.One);
        var centre = bin.add(unit, HeldScalars.One).mul(step).add(low, HeldScalars.One);
        var right = bin.add(HeldScalars.Two, HeldScalars.One).mul(step).add(low, HeldScalars.One);
        var fftFreqs = arange(HeldScalars.Zero, fftBins, HeldScalars.One, dtype: int64).mul(width);
        var mel = fftFreqs.div(corner).add(unit, HeldScalars.One).log().mul(melScale).unsqueeze(0);
        var up = (mel - left) / (centre - left);
        var down = (right - mel) / (right - centre);
        var banks = maximum(zeros(1), minimum(up, down));
        return nn.functional.pad(banks, [0, 1]).to(float32).MoveToOuterDisposeScope();
    }
}
