using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AstDsl.Audio.Features;

/// <summary>
/// Power spectrum of a power-of-two real FFT for <see cref="Vector{T}.Count"/> frames at once: lane l of every vector
/// belongs to frame l, so the butterflies need no shuffles. The N-point real transform runs as an N/2-point complex one
/// on (even, odd) sample pairs followed by the usual split step. Twiddles are computed in double and rounded once.
/// </summary>
internal sealed class LaneFft
{
    private readonly int _half; // N/2: the complex transform length
    private readonly int[] _bitReversed;
    private readonly float[] _cos; // e^{-2 pi i k / (N/2)}, k < N/4
    private readonly float[] _sin;
    private readonly float[] _splitCos; // e^{-2 pi i k / N}, k <= N/2
    private readonly float[] _splitSin;

    /// <summary>A transform of <paramref name="size"/> points (a power of two, at least 4).</summary>
    public LaneFft(int size)
    {
        if (size < 4 || !BitOperations.IsPow2(size)) throw new ArgumentOutOfRangeException(nameof(size), size, "a power of two >= 4 is needed");
        Size = size;
        _half = size / 2;
        var bits = BitOperations.Log2((uint)_half);
        _bitReversed = new int[_half];
        for (var i = 0; i < _half; i++)
        {
            var r = 0;
            for (var b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
            _bitReversed[i] = r;
        }
        (_cos, _sin) = Twiddles(_half / 2, _half);
        (_splitCos, _splitSin) = Twiddles(_half + 1, size);
    }

    /// <summary>Transform length N.</summary>
    public int Size { get; }

    /// <summary>Output bins: N/2 + 1.</summary>
    public int Bins => _half + 1;

    /// <summary>
    /// |X[k]|^2 for k in [0, N/2] into <paramref name="power"/> from <paramref name="signal"/> (its first samples; the
    /// rest up to N count as zeros). <paramref name="re"/> and <paramref name="im"/> are N/2-long scratch.
    /// </summary>
    // Fully optimised from the first call: tiering left this loop nest in code 4x slower than its final form.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Power(ReadOnlySpan<Vector<float>> signal, Span<Vector<float>> re, Span<Vector<float>> im, Span<Vector<float>> power)
    {
        // Pack z[n] = x[2n] + i x[2n+1] in bit-reversed order for the in-place iterative transform.
        for (var n = 0; n < _half; n++)
        {
            var at = _bitReversed[n];
            re[at] = 2 * n < signal.Length ? signal[2 * n] : Vector<float>.Zero;
            im[at] = 2 * n + 1 < signal.Length ? signal[2 * n + 1] : Vector<float>.Zero;
        }
        // The inner loop is the hot spot: references instead of indexing keep bounds checks out of it (re and im were
        // sized N/2 above, so every index below is in range).
        ref var r = ref MemoryMarshal.GetReference(re[.._half]);
        ref var i = ref MemoryMarshal.GetReference(im[.._half]);
        for (var top = 0; top < _half; top += 2)
        {
            var (ar, ai) = (Unsafe.Add(ref r, top), Unsafe.Add(ref i, top));
            var (br, bi) = (Unsafe.Add(ref r, top + 1), Unsafe.Add(ref i, top + 1));
            Unsafe.Add(ref r, top) = ar + br;
            Unsafe.Add(ref i, top) = ai + bi;
            Unsafe.Add(ref r, top + 1) = ar - br;
            Unsafe.Add(ref i, top + 1) = ai - bi;
        }
        for (var length = 4; length <= _half; length <<= 1)
        {
            var span = length / 2;
            var stride = _half / length;
            for (var j = 0; j < span; j++)
            {
                var wr = new Vector<float>(_cos[j * stride]);
                var wi = new Vector<float>(_sin[j * stride]);
                for (var top = j; top < _half; top += length)
                {
                    ref var tr = ref Unsafe.Add(ref r, top);
                    ref var ti = ref Unsafe.Add(ref i, top);
                    ref var br = ref Unsafe.Add(ref r, top + span);
                    ref var bi = ref Unsafe.Add(ref i, top + span);
                    var xr = br * wr - bi * wi;
                    var xi = br * wi + bi * wr;
                    br = tr - xr;
                    bi = ti - xi;
                    tr += xr;
                    ti += xi;
                }
            }
        }
        // Split step: X[k] = E[k] + w^k O[k] with E, O the transforms of the even and odd samples.
        var half = new Vector<float>(0.5f);
        for (var k = 0; k <= _half; k++)
        {
            var a = k % _half;
            var c = (_half - k) % _half;
            var evenRe = (re[a] + re[c]) * half;
            var evenIm = (im[a] - im[c]) * half;
            var oddRe = (im[a] + im[c]) * half;
            var oddIm = (re[c] - re[a]) * half;
            var wr = new Vector<float>(_splitCos[k]);
            var wi = new Vector<float>(_splitSin[k]);
            var xr = evenRe + wr * oddRe - wi * oddIm;
            var xi = evenIm + wr * oddIm + wi * oddRe;
            power[k] = xr * xr + xi * xi;
        }
    }

    private static (float[] Cos, float[] Sin) Twiddles(int count, int period)
    {
        var cos = new float[count];
        var sin = new float[count];
        for (var k = 0; k < count; k++)
        {
            var angle = -2 * Math.PI * k / period;
            cos[k] = (float)Math.Cos(angle);
            sin[k] = (float)Math.Sin(angle);
        }
        return (cos, sin);
    }
}
