using System.Collections.Concurrent;
using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Audio.Features;

/// <summary>
/// Kaldi log-mel filterbank (torchaudio.compliance.kaldi.fbank semantics) for a batch of equal-length signals, on whatever
/// device and float dtype the input has. Windows and mel matrices are built once per (sample rate, device, dtype) and
/// cached, so one instance is meant to be reused; it is safe to call from several threads.
/// </summary>
public sealed class KaldiFbank : IDisposable
{
    // torch.finfo(torch.float32).eps: the log floor torchaudio uses.
    private const float LogFloor = 1.1920929e-07f;

    private readonly ConcurrentDictionary<(int Rate, string Device, ScalarType Type), Lazy<Constants>> _constants = new();
    private bool _disposed;

    /// <summary>Creates a filterbank with the given settings (the official AST ones by default).</summary>
    public KaldiFbank(FbankOptions? options = null) => Options = options ?? FbankOptions.Official;

    /// <summary>The settings in use.</summary>
    public FbankOptions Options { get; }

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
        var constants = ConstantsFor(sampleRate, waveforms.device, waveforms.dtype);

        using var scope = NewDisposeScope();
        var batch = single ? waveforms.unsqueeze(0) : waveforms;
        var frames = SplitFrames(batch, sampleRate);
        Tensor result;
        if (frames.shape[1] == 0)
        {
            result = zeros(batch.shape[0], 0, Options.MelBins, dtype: waveforms.dtype, device: waveforms.device);
        }
        else
        {
            if (Options.Dither > 0)
                frames = frames + randn(frames.shape, dtype: frames.dtype, device: frames.device, generator: dither) * Options.Dither;
            if (Options.RemoveDcOffset)
                frames = frames - frames.mean([-1L], keepdim: true);
            if (Options.Preemphasis != 0)
            {
                var previous = cat([frames[.., .., ..1], frames[.., .., ..^1]], -1);
                frames = frames - Options.Preemphasis * previous;
            }
            frames = frames * constants.Window;
            var spectrum = fft.rfft(frames, constants.FftSize, -1).abs();
            if (Options.UsePower) spectrum = spectrum.pow(2.0);
            result = matmul(spectrum, constants.MelBanksT);
            if (Options.UseLog) result = result.clamp_min(LogFloor).log();
        }
        if (single) result = result.squeeze(0);
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>Frees the cached windows and mel matrices.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var lazy in _constants.Values)
            if (lazy.IsValueCreated) lazy.Value.Dispose();
        _constants.Clear();
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
        using var window = FeatureWindow.Create(Options.Window, Options.WindowSize(sampleRate));
        using var banks = MelBanks.Create(Options, sampleRate);
        using var banksT = banks.t();
        return new Constants(
            window.to(type, device).DetachFromDisposeScope(),
            banksT.to(type, device).contiguous().DetachFromDisposeScope(),
            Options.FftSize(sampleRate));
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
