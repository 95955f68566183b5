namespace AstDsl.Audio.Features;

/// <summary>
/// Kaldi log-mel filterbank settings (torchaudio.compliance.kaldi.fbank). Defaults are the official AST dataloader call:
/// htk_compat, no energy, Hann window, 128 bins, 25 ms frames every 10 ms, no dither.
/// </summary>
public sealed record FbankOptions
{
    /// <summary>The settings of the official AST dataloader.</summary>
    public static FbankOptions Official { get; } = new();

    /// <summary>Number of triangular mel filters (feature width).</summary>
    public int MelBins { get; init; } = 128;
    /// <summary>Frame length in milliseconds.</summary>
    public double FrameLengthMs { get; init; } = 25.0;
    /// <summary>Frame hop in milliseconds.</summary>
    public double FrameShiftMs { get; init; } = 10.0;
    /// <summary>Analysis window.</summary>
    public WindowType Window { get; init; } = WindowType.Hanning;
    /// <summary>Pre-emphasis coefficient (0 disables it).</summary>
    public double Preemphasis { get; init; } = 0.97;
    /// <summary>Subtract each frame's mean before pre-emphasis.</summary>
    public bool RemoveDcOffset { get; init; } = true;
    /// <summary>Zero-pad each frame to the next power of two before the FFT.</summary>
    public bool RoundToPowerOfTwo { get; init; } = true;
    /// <summary>Only whole frames inside the signal (true), or Kaldi's reflected edges centred on multiples of the hop (false).</summary>
    public bool SnipEdges { get; init; } = true;
    /// <summary>Lowest mel filter edge in Hz.</summary>
    public double LowFrequency { get; init; } = 20.0;
    /// <summary>Highest mel filter edge in Hz; values &lt;= 0 are offsets from the Nyquist frequency.</summary>
    public double HighFrequency { get; init; }
    /// <summary>Power spectrum (true) or magnitude spectrum (false).</summary>
    public bool UsePower { get; init; } = true;
    /// <summary>Take log(max(energy, float32 epsilon)) (true) or return linear energies.</summary>
    public bool UseLog { get; init; } = true;
    /// <summary>Standard deviation of Gaussian dither added to the samples; 0 (the default) disables it.</summary>
    public double Dither { get; init; }

    /// <summary>Frame length in samples at <paramref name="sampleRate"/>: int(sr * ms / 1000) as Kaldi.</summary>
    public int WindowSize(int sampleRate) => (int)(sampleRate * FrameLengthMs * 0.001);

    /// <summary>Frame hop in samples at <paramref name="sampleRate"/>.</summary>
    public int WindowShift(int sampleRate) => (int)(sampleRate * FrameShiftMs * 0.001);

    /// <summary>FFT length at <paramref name="sampleRate"/>.</summary>
    public int FftSize(int sampleRate)
    {
        var size = WindowSize(sampleRate);
        return RoundToPowerOfTwo ? (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)size) : size;
    }

    /// <summary>Number of frames a signal of <paramref name="samples"/> samples yields.</summary>
    public int FrameCount(long samples, int sampleRate)
    {
        var size = WindowSize(sampleRate);
        var shift = WindowShift(sampleRate);
        if (SnipEdges) return samples < size ? 0 : (int)(1 + (samples - size) / shift);
        return (int)((samples + shift / 2) / shift);
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work at <paramref name="sampleRate"/>.</summary>
    public void Validate(int sampleRate)
    {
        if (MelBins < 1) throw new ArgumentException($"features.mel_bins must be at least 1, got {MelBins}");
        if (WindowSize(sampleRate) < 2)
            throw new ArgumentException($"features.frame_length: a {FrameLengthMs} ms frame at {sampleRate} Hz is shorter than 2 samples; use audio of a higher sample rate or a longer frame");
        if (WindowShift(sampleRate) < 1)
            throw new ArgumentException($"features.frame_shift: a {FrameShiftMs} ms hop at {sampleRate} Hz is shorter than 1 sample; use audio of a higher sample rate or a longer hop");
        var nyquist = sampleRate / 2.0;
        var high = HighFrequency > 0 ? HighFrequency : nyquist + HighFrequency;
        if (LowFrequency < 0 || high > nyquist || LowFrequency >= high)
            throw new ArgumentException(
                $"mel range [{LowFrequency}, {high}] Hz must satisfy 0 <= low < high <= Nyquist ({nyquist} Hz at {sampleRate} Hz)");
        if (Preemphasis is < 0 or > 1) throw new ArgumentException($"the pre-emphasis coefficient must be in [0, 1], got {Preemphasis}");
        if (Dither < 0) throw new ArgumentException($"the dither amount must be >= 0, got {Dither}");
    }
}
