using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Audio.Resampling;

/// <summary>
/// Band-limited resampling by a Hann-windowed sinc polyphase filter, the same filter as torchaudio.functional.resample's
/// default (sinc_interp_hann): the rates are reduced by their gcd, the cut-off is rolloff x the lower Nyquist, and each
/// output sample is a dot product over lowpassFilterWidth zero crossings on either side. Output length is
/// ceil(new * length / orig). One instance serves one rate pair and may be reused from several threads.
/// </summary>
public sealed class SincResampler : IDisposable
{
    private readonly Tensor _kernel; // (newRate', 1, taps) in float64 on the CPU
    private readonly int _width;

    /// <summary>Builds the filter for <paramref name="fromRate"/> -> <paramref name="toRate"/>.</summary>
    /// <param name="fromRate">Input sample rate in Hz.</param>
    /// <param name="toRate">Output sample rate in Hz.</param>
    /// <param name="lowpassFilterWidth">Zero crossings of the sinc on each side (sharper but longer filter when larger).</param>
    /// <param name="rolloff">Cut-off as a fraction of the lower Nyquist frequency, below 1 to limit aliasing.</param>
    public SincResampler(int fromRate, int toRate, int lowpassFilterWidth = 6, double rolloff = 0.99)
    {
        if (fromRate <= 0 || toRate <= 0)
            throw new ArgumentOutOfRangeException(nameof(fromRate), $"sample rates must be positive, got {fromRate} -> {toRate}");
        if (lowpassFilterWidth <= 0)
            throw new ArgumentOutOfRangeException(nameof(lowpassFilterWidth), lowpassFilterWidth, "must be positive");
        if (rolloff is <= 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(rolloff), rolloff, "must be in (0, 1]");
        FromRate = fromRate;
        ToRate = toRate;
        var gcd = Gcd(fromRate, toRate);
        ReducedFrom = fromRate / gcd;
        ReducedTo = toRate / gcd;
        (_kernel, _width) = BuildKernel(ReducedFrom, ReducedTo, lowpassFilterWidth, rolloff);
    }

    /// <summary>Input rate in Hz.</summary>
    public int FromRate { get; }

    /// <summary>Output rate in Hz.</summary>
    public int ToRate { get; }

    private int ReducedFrom { get; }
    private int ReducedTo { get; }

    /// <summary>Number of output samples for <paramref name="inputLength"/> input samples.</summary>
    public long OutputLength(long inputLength) => (long)Math.Ceiling((double)ReducedTo * inputLength / ReducedFrom);

    /// <summary>Resamples the last dimension of a float tensor of any shape, on its own device and dtype.</summary>
    public Tensor Apply(Tensor waveform)
    {
        ArgumentNullException.ThrowIfNull(waveform);
        if (FromRate == ToRate) return waveform.clone();
        var shape = waveform.shape;
        var length = shape[^1];
        using var scope = NewDisposeScope();
        var rows = waveform.reshape(-1, length);
        var interleaved = Convolve(nn.functional.pad(rows, [_width, _width + ReducedFrom])).narrow(1, 0, OutputLength(length));
        var outShape = shape.ToArray();
        outShape[^1] = interleaved.shape[1];
        return interleaved.reshape(outShape).MoveToOuterDisposeScope();
    }

    /// <summary>Zero crossings' span in input samples: an output needs this many input samples on either side.</summary>
    internal int Width => _width;

    /// <summary>Input samples per block of <see cref="BlockOutput"/> output samples.</summary>
    internal int BlockInput => ReducedFrom;

    /// <summary>Output samples per block.</summary>
    internal int BlockOutput => ReducedTo;

    /// <summary>
    /// Output of rows (R, L) that already carry their context: block j (BlockOutput samples) comes from input
    /// [j BlockInput, j BlockInput + 2 Width + BlockInput). Both whole clips and streams go through here.
    /// </summary>
    internal Tensor Convolve(Tensor paddedRows)
    {
        using var scope = NewDisposeScope();
        var kernel = _kernel.to(paddedRows.dtype, paddedRows.device);
        var output = nn.functional.conv1d(paddedRows.unsqueeze(1), kernel, stride: ReducedFrom);
        return output.transpose(1, 2).reshape(paddedRows.shape[0], -1).MoveToOuterDisposeScope();
    }

    /// <summary>Frees the filter.</summary>
    public void Dispose() => _kernel.Dispose();

    private static (Tensor Kernel, int Width) BuildKernel(int from, int to, int zeroCrossings, double rolloff)
    {
        var baseFrequency = Math.Min(from, to) * rolloff;
        var width = (int)Math.Ceiling(zeroCrossings * from / baseFrequency);
        // Explicit Scalars held to the end of the calls (see HeldScalars).
        using var firstTap = (-width).ToScalar();
        using var endTap = (width + from).ToScalar();
        using var fromScalar = from.ToScalar();
        using var endPhase = (-to).ToScalar();
        using var toScalar = to.ToScalar();
        using var cutoff = baseFrequency.ToScalar();
        using var lowest = (-zeroCrossings).ToScalar();
        using var highest = zeroCrossings.ToScalar();
        using var windowScale = (Math.PI / zeroCrossings / 2).ToScalar();
        using var pi = Math.PI.ToScalar();
        using var gain = (baseFrequency / from).ToScalar();
        using var scope = NewDisposeScope();
        // Tap times (in input samples) of the filter for each of the `to` output phases.
        var taps = arange(firstTap, endTap, HeldScalars.One, dtype: float64).reshape(1, 1, -1).div(fromScalar);
        var phases = arange(HeldScalars.Zero, endPhase, HeldScalars.MinusOne, dtype: float64).reshape(-1, 1, 1).div(toScalar);
        var t = phases.add(taps, HeldScalars.One).mul(cutoff).clamp(lowest, highest);
        var window = cos(t.mul(windowScale)).pow(HeldScalars.Two);
        t = t.mul(pi);
        var sinc = where(t.eq(HeldScalars.Zero), ones_like(t), sin(t) / t);
        var kernel = (sinc * window).mul(gain);
        // Owned by this instance, which is often created lazily inside a caller's dispose scope (the first clip's):
        // detached so that scope cannot free it under the next clip.
        return (kernel.DetachFromDisposeScope(), width);
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
