using AstDsl.Audio.Resampling;
using static TorchSharp.torch;

namespace AstDsl.Audio.Streaming;

/// <summary>
/// <see cref="SincResampler"/> applied to a stream in pieces: it keeps only the filter's context, emits every output
/// block as soon as its input is complete, and at the end pads and trims as the whole-clip resampler does, so the
/// concatenated output equals resampling the whole signal at once.
/// </summary>
internal sealed class StreamingResampler(SincResampler resampler)
{
    private readonly List<float> _padded = new(); // the zero-padded input from block _nextBlock's first sample on
    private long _inputLength;
    private long _emitted;
    private bool _started;

    /// <summary>Input samples held for context.</summary>
    public int Buffered => _padded.Count;

    /// <summary>Resampled output that became complete with <paramref name="samples"/>.</summary>
    public float[] Push(ReadOnlySpan<float> samples)
    {
        if (!_started)
        {
            _padded.AddRange(new float[resampler.Width]); // the whole-clip resampler's left zero padding
            _started = true;
        }
        _inputLength += samples.Length;
        foreach (var s in samples) _padded.Add(s);
        return Blocks(long.MaxValue);
    }

    /// <summary>The rest of the output once the input has ended.</summary>
    public float[] Finish()
    {
        if (!_started) return [];
        _padded.AddRange(new float[resampler.Width + resampler.BlockInput]); // and its right padding
        return Blocks(resampler.OutputLength(_inputLength) - _emitted);
    }

    private float[] Blocks(long limit)
    {
        var span = 2 * resampler.Width + resampler.BlockInput;
        var blocks = _padded.Count < span ? 0 : (_padded.Count - span) / resampler.BlockInput + 1;
        if (blocks == 0) return [];
        var used = (blocks - 1) * resampler.BlockInput + span;
        using var scope = NewDisposeScope();
        var input = tensor(_padded.GetRange(0, used).ToArray(), new long[] { 1, used }, float32);
        var output = resampler.Convolve(input).data<float>().ToArray();
        _padded.RemoveRange(0, blocks * resampler.BlockInput);
        var kept = (int)Math.Min(output.Length, limit);
        _emitted += kept;
        return kept == output.Length ? output : output[..kept];
    }
}
