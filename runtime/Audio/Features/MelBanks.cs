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

        using var scope = NewDisposeScope();
        // Same operation order and dtype as torchaudio so that the float32 rounding of every weight agrees.
        var bin = arange(options.MelBins, dtype: int64).unsqueeze(1);
        var left = melLow + bin * delta;
        var centre = melLow + (bin + 1.0) * delta;
        var right = melLow + (bin + 2.0) * delta;
        var fftFreqs = binWidth * arange(fftSize / 2, dtype: int64);
        var mel = (1127.0 * (1.0 + fftFreqs / 700.0).log()).unsqueeze(0);
        var up = (mel - left) / (centre - left);
        var down = (right - mel) / (right - centre);
        var banks = maximum(zeros(1), minimum(up, down));
        return nn.functional.pad(banks, [0, 1]).to(float32).MoveToOuterDisposeScope();
    }
}
