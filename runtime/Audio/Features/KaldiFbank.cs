using System.Collections.Concurrent;
using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Audio.Features;

/// <summary>
/// Kaldi log-mel filterbank (torchaudio.compliance.kaldi.fbank semantics) for a batch of equal-length signals, on whatever
/// device and float dtype the input has. Windows and mel matrices are built once per (sample rate, device, dtype) and
/// cached, so one instance is meant to be reused; it is safe to call from several threads. float32 on the CPU with the
/// official framing runs in managed SIMD code (<see cref="VectorFbank"/>); other devices, dtypes and settings run as
/// tensor operations.
/// </summary>
public sealed class KaldiFbank : IDisposable
{
    // torch.finfo(torch.float32).eps: the log floor torchaudio uses.
    private const float LogFloor = 1.1920929e-07f;
    private const int FramesPerChunk = 256;

    private readonly ConcurrentDictionary<(int Rate, string Device, ScalarType Type), Lazy<Constants>> _constants = new();
    private readonly ConcurrentDictionary<int, Lazy<VectorFbank>> _vector = new();
    private bool _disposed;

    /// <summary>Creates a filterbank with the given settings (the official AST ones by default).</summary>
    public KaldiFbank(FbankOptions? options = null) => Options = options ?? FbankOptions.Official;

    /// <summary>The settings in use.</summary>
    public FbankOptions Options { get; }

    /// <summary>Bits per SIMD vector of the float32 CPU path on this machine (512 with AVX-512, 256 with AVX2, else 128).</summary>
    public static int VectorWidth => VectorFbank.BestWidth;

    /// <summary>
    /// Log-mel features of <paramref name="waveforms"/>: a (samples) signal gives (frames, mel bins); a (batch, samples)
    /// tensor gives (batch, frames, mel bins). Signals shorter than one frame give zero frames, not an error.
    /// </summary>
    /// <param name="waveforms">float32 or float64 samples on any device.</param>
    /// <param name="sampleRate">Sample rate in Hz; sets frame sizes and the mel range.</param>
    /// <param name="dither">Random source for <see cref="FbankOptions.Dither"/>; ignored when dither is 0.</param>
    public Tensor Compute(Tensor waveforms, int sampleRate, Generator? dither = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(waveforms);
        if (waveforms.dim() is < 1 or > 2)
            throw new ArgumentException($"expected (samples) or (batch, samples), got [{string.Join(", ", waveforms.shape)}]", nameof(waveforms));
        if (!is_floating_point(waveforms))
            throw new ArgumentException($"expected a float tensor, got {waveforms.dtype}", nameof(waveforms));
        var single = waveforms.dim() == 1;
        using var scope = NewDisposeScope();
        var batch = single ? waveforms.unsqueeze(0) : waveforms;
        if (waveforms.device_type == DeviceType.CPU && waveforms.dtype == float32 && VectorFbank.Covers(Options, sampleRate))
        {
            var vector = _vector.GetOrAdd(sampleRate, rate => new Lazy<VectorFbank>(() => VectorFbank.Create(Options, rate))).Value;
            var features = vector.Compute(batch.contiguous(), get_num_threads());
            return (single ? features.squeeze(0) : features).MoveToOuterDisposeScope();
        }
        var constants = ConstantsFor(sampleRate, waveforms.device, waveforms.dtype);
        var frames = SplitFrames(batch, sampleRate);
        var (rows, count) = (frames.shape[0], frames.shape[1]);
        var result = empty(rows, count, Options.MelBins, dtype: waveforms.dtype, device: waveforms.device);
        // Work in chunks of frames: multi-megabyte temporaries are mmap-ed and page-faulted in afresh on every call, which
        // cost several times the arithmetic (measured 7x for 8 x 10 s); small ones are recycled by the allocator. It also
        // bounds memory whatever the batch size or clip length.
        var rowsPerChunk = Math.Max(1, FramesPerChunk / Math.Max(1, count));
        var framesPerChunk = Math.Min(count, FramesPerChunk);
        for (long r = 0; r < rows; r += rowsPerChunk)
            for (long f = 0; f < count; f += framesPerChunk)
            {
                using var chunkScope = NewDisposeScope();
                var rowCount = Math.Min(rowsPerChunk, rows - r);
                var frameCount = Math.Min(framesPerChunk, count - f);
                var chunk = frames.narrow(0, r, rowCount).narrow(1, f, frameCount);
                result.narrow(0, r, rowCount).narrow(1, f, frameCount).copy_(LogMel(chunk, constants, dither));
            }
        if (single) result = result.squeeze(0);
        return result.MoveToOuterDisposeScope();
    }

    // (rows, frames, window) raw frames -> (rows, frames, mel bins), the per-frame part of Kaldi's fbank.
    private Tensor LogMel(Tensor frames, Constants constants, Generator? dither)
    {
        // Every Scalar is passed explicitly and held to the end of its call (see HeldScalars).
        if (Options.Dither > 0)
        {
            using var amount = Options.Dither.ToScalar();
            var noise = randn(frames.shape, dtype: frames.dtype, device: frames.device, generator: dither);
            frames = frames.add(noise.mul(amount), HeldScalars.One);
        }
        if (Options.RemoveDcOffset)
            frames = frames - frames.mean([-1L], keepdim: true);
        if (Options.Preemphasis != 0)
        {
            using var coefficient = Options.Preemphasis.ToScalar();
            var previous = cat([frames[.., .., ..1], frames[.., .., ..^1]], -1);
            frames = frames - previous.mul(coefficient);
        }
        frames = frames * constants.Window;
        var spectrum = fft.rfft(frames, constants.FftSize, -1).abs();
        if (Options.UsePower) spectrum = spectrum.pow(HeldScalars.Two);
        var mel = matmul(spectrum, constants.MelBanksT);
        if (!Options.UseLog) return mel;
        using var floor = LogFloor.ToScalar();
        return mel.clamp_min(floor).log();
    }

    /// <summary>Frees the cached windows and mel matrices.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var lazy in _constants.Values)
            if (lazy.IsValueCreated) lazy.Value.Dispose();
        _constants.Clear();
        _vector.Clear();
    }

    // (batch, samples) -> (batch, frames, window) as Kaldi frames them.
    private Tensor SplitFrames(Tensor batch, int sampleRate)
    {
        var size = Options.WindowSize(sampleRate);
        var shift = Options.WindowShift(sampleRate);
        var samples = batch.shape[1];
        var count = Options.FrameCount(samples, sampleRate);
        if (count == 0) return empty(batch.shape[0], 0, size, dtype: batch.dtype, device: batch.device);
        if (Options.SnipEdges) return batch.unfold(1, size, shift);

        // Kaldi without snip_edges: frames centred on multiples of the hop, the signal mirrored at both ends.
        var reversed = batch.flip(1);
        var pad = size / 2 - shift / 2;
        var padded = pad > 0
            ? cat([reversed[.., ^pad..], batch, reversed], 1)
            : cat([batch[.., (int)-pad..], reversed], 1);
        return padded.unfold(1, size, shift)[.., ..count];
    }

    private Constants ConstantsFor(int sampleRate, Device device, ScalarType type)
    {
        var key = (sampleRate, device.ToString(), type);
        return _constants.GetOrAdd(key, _ => new Lazy<Constants>(() => Build(sampleRate, device, type))).Value;
    }

    private Constants Build(int sampleRate, Device device, ScalarType type)
    {
        Options.Validate(sampleRate);
        using var scope = NewDisposeScope();
        var window = FeatureWindow.Create(Options.Window, Options.WindowSize(sampleRate)).to(type, device);
        var banksT = MelBanks.Create(Options, sampleRate).t().to(type, device).contiguous();
        // Cached for the lifetime of this instance, so they must outlive the caller's dispose scopes.
        return new Constants(window.DetachFromDisposeScope(), banksT.DetachFromDisposeScope(), Options.FftSize(sampleRate));
    }

    private sealed record Constants(Tensor Window, Tensor MelBanksT, int FftSize) : IDisposable
    {
        public void Dispose()
        {
            Window.Dispose();
            MelBanksT.Dispose();
        }
    }
}
