using AstDsl.Audio.Features;
using AstDsl.Audio.Resampling;
using static TorchSharp.torch;

namespace AstDsl.Audio.Streaming;

/// <summary>
/// The <see cref="ClipPipeline"/> front end for an endless stream: channel policy, resampling, Kaldi fbank and a ring of
/// the last window's frames, emitting the windows of a <see cref="WindowSchedule"/> as they complete. Memory is bounded
/// by one window of frames plus the filters' context, whatever the stream length.
/// </summary>
/// <remarks>
/// Frames are numbered from the start of the stream, exactly as in the whole-clip fbank (snip_edges framing). The
/// official loader subtracts the clip's waveform mean first, which a stream cannot know; it is not needed: the Kaldi
/// front end removes each frame's own DC offset before pre-emphasis and windowing (remove_dc_offset, on in the official
/// settings), so a constant offset of the waveform cancels in every frame and the streamed frames equal the offline ones
/// to float rounding. With remove_dc_offset off the stream is refused rather than silently different.
/// </remarks>
public sealed class StreamingFeatures : IDisposable
{
    private readonly ClipPipeline _pipeline;
    private readonly int _channels;
    private readonly int _rate;
    private readonly SincResampler? _resampler;
    private readonly StreamingResampler? _streamResampler;
    private readonly List<float> _pending = new(); // mono samples at the fbank rate from frame _frames' first sample on
    private readonly FrameRing _ring;
    private readonly WindowSchedule.Cursor _cursor;
    private long _frames;

    /// <summary>
    /// Starts a stream of <paramref name="channels"/>-channel audio at <paramref name="inputRate"/> Hz, resampled to
    /// <paramref name="sampleRate"/> (default: the pipeline's rate, or the input's when the pipeline keeps file rates).
    /// </summary>
    public StreamingFeatures(ClipPipeline pipeline, WindowSchedule schedule, int inputRate, int channels, int? sampleRate = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(schedule);
        if (!pipeline.Options.Fbank.SnipEdges || !pipeline.Options.Fbank.RemoveDcOffset)
            throw new ArgumentException("streaming needs the official framing (snip_edges and remove_dc_offset on)");
        _pipeline = pipeline;
        _channels = channels;
        _rate = sampleRate ?? pipeline.Options.SampleRate ?? inputRate;
        pipeline.Options.Fbank.Validate(_rate);
        if (_rate != inputRate)
        {
            _resampler = new SincResampler(inputRate, _rate);
            _streamResampler = new StreamingResampler(_resampler);
        }
        _ring = new FrameRing(schedule.Window, pipeline.MelBins);
        _cursor = new WindowSchedule.Cursor(schedule);
    }

    /// <summary>Sample rate of the features.</summary>
    public int SampleRate => _rate;

    /// <summary>Feature frames computed so far.</summary>
    public long Frames => _frames;

    /// <summary>Frames held in the ring (at most one window).</summary>
    public int BufferedFrames => _ring.Count;

    /// <summary>Samples held waiting for a complete frame or resampler block.</summary>
    public int BufferedSamples => _pending.Count + (_streamResampler?.Buffered ?? 0);

    /// <summary>Adds planar samples (channel c at [c n, (c+1) n)); returns the windows completed by them.</summary>
    public IReadOnlyList<FbankWindow> Push(ReadOnlySpan<float> planar)
    {
        if (planar.Length % _channels != 0)
            throw new ArgumentException($"{planar.Length} samples do not split into {_channels} channels");
        var mono = Mono(planar);
        AddSamples(_streamResampler is null ? mono : _streamResampler.Push(mono));
        return Drain();
    }

    /// <summary>Ends the stream: the remaining resampled samples, then the last (flush or padded) window.</summary>
    public IReadOnlyList<FbankWindow> Finish()
    {
        if (_streamResampler is not null) AddSamples(_streamResampler.Finish());
        var windows = Drain().ToList();
        if (_cursor.Finish(_frames) is { } start) windows.Add(new FbankWindow(start, _ring.Snapshot()));
        return windows;
    }

    /// <summary>Frees the resampler.</summary>
    public void Dispose() => _resampler?.Dispose();

    private float[] Mono(ReadOnlySpan<float> planar)
    {
        var n = planar.Length / _channels;
        var mono = new float[n];
        var downmix = _pipeline.Options.Channels == ChannelPolicy.DownmixMono;
        for (var i = 0; i < n; i++)
        {
            float sum = 0;
            for (var c = 0; c < (downmix ? _channels : 1); c++) sum += planar[c * n + i];
            var value = downmix ? sum / _channels : sum;
            mono[i] = float.IsFinite(value) ? value : 0f; // as the clip pipeline's nan_to_num
        }
        return mono;
    }

    private void AddSamples(float[] samples) => _pending.AddRange(samples);

    private List<FbankWindow> Drain()
    {
        var windows = new List<FbankWindow>();
        var options = _pipeline.Options.Fbank;
        var count = options.FrameCount(_pending.Count, _rate);
        if (count == 0) return windows;
        var shift = options.WindowShift(_rate);
        var used = (count - 1) * shift + options.WindowSize(_rate);
        using (var scope = NewDisposeScope())
        {
            var samples = tensor(_pending.GetRange(0, used).ToArray(), float32);
            var frames = _pipeline.Fbank.Compute(samples, _rate).data<float>().ToArray();
            var width = _pipeline.MelBins;
            for (var f = 0; f < count; f++)
            {
                _ring.Add(frames.AsSpan(f * width, width));
                _frames++;
                if (_cursor.Advance(_frames) is { } start) windows.Add(new FbankWindow(start, _ring.Snapshot().DetachFromDisposeScope()));
            }
        }
        _pending.RemoveRange(0, count * shift);
        return windows;
    }
}
