using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AstDsl.Audio.Features;

/// <summary>
/// Power spectrum of a power-of-two real FFT for <c>TMath.Count</c> frames at once: lane l of every vector belongs to
/// frame l, so the butterflies need no shuffles. The N-point real transform runs as an N/2-point complex one on
/// (even, odd) sample pairs followed by the usual split step. Twiddles are computed in double and rounded once.
/// The caller writes sample n straight to <c>z[Slot(n)]</c> (real parts in z[..N/2], imaginary in z[N/2..], already in
/// bit-reversed order), so framing, pre-emphasis and window land in the transform's input in one pass.
/// </summary>
internal sealed class LaneFft<TVector, TMath> where TVector : struct where TMath : struct, ILaneMath<TVector>
{
    private readonly int _half; // N/2: the complex transform length
    private readonly int[] _slot;
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
        _slot = new int[size];
        for (var n = 0; n < size; n++)
        {
            var pair = n >> 1;
            var reversed = 0;
            for (var b = 0; b < bits; b++) reversed |= ((pair >> b) & 1) << (bits - 1 - b);
            _slot[n] = (n & 1) * _half + reversed;
        }
        (_cos, _sin) = Twiddles(_half / 2, _half);
        (_splitCos, _splitSin) = Twiddles(_half + 1, size);
    }

    /// <summary>Transform length N (also the length of the z buffer).</summary>
    public int Size { get; }

    /// <summary>Output bins: N/2 + 1.</summary>
    public int Bins => _half + 1;

    /// <summary>Where sample n (n &lt; N) of the frames goes in z.</summary>
    public ReadOnlySpan<int> Slots => _slot;

    /// <summary>|X[k]|^2 for k in [0, N/2] into <paramref name="power"/>, from samples placed in <paramref name="z"/> by <see cref="Slots"/>; z is overwritten.</summary>
    // Fully optimised from the first call: tiering left this loop nest in code 4x slower than its final form.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Power(Span<TVector> z, Span<TVector> power)
    {
        // The loops are the hot spot: references instead of indexing keep bounds checks out of them (the slices prove
        // every index below in range).
        ref var r = ref MemoryMarshal.GetReference(z[..Size]);
        ref var i = ref Unsafe.Add(ref r, _half);
        ref var p = ref MemoryMarshal.GetReference(power[..Bins]);
        for (var top = 0; top < _half; top += 2)
        {
            var (ar, ai) = (Unsafe.Add(ref r, top), Unsafe.Add(ref i, top));
            var (br, bi) = (Unsafe.Add(ref r, top + 1), Unsafe.Add(ref i, top + 1));
            Unsafe.Add(ref r, top) = TMath.Add(ar, br);
            Unsafe.Add(ref i, top) = TMath.Add(ai, bi);
            Unsafe.Add(ref r, top + 1) = TMath.Subtract(ar, br);
            Unsafe.Add(ref i, top + 1) = TMath.Subtract(ai, bi);
        }
        for (var length = 4; length <= _half; length <<= 1)
        {
            var span = length / 2;
            var stride = _half / length;
            for (var j = 0; j < span; j++)
            {
                var wr = TMath.Broadcast(_cos[j * stride]);
                var wi = TMath.Broadcast(_sin[j * stride]);
                for (var top = j; top < _half; top += length)
                {
                    ref var tr = ref Unsafe.Add(ref r, top);
                    ref var ti = ref Unsafe.Add(ref i, top);
                    ref var br = ref Unsafe.Add(ref r, top + span);
                    ref var bi = ref Unsafe.Add(ref i, top + span);
                    var xr = TMath.Subtract(TMath.Multiply(br, wr), TMath.Multiply(bi, wi));
                    var xi = TMath.Add(TMath.Multiply(br, wi), TMath.Multiply(bi, wr));
                    br = TMath.Subtract(tr, xr);
                    bi = TMath.Subtract(ti, xi);
                    tr = TMath.Add(tr, xr);
                    ti = TMath.Add(ti, xi);
                }
            }
        }
        // Split step: X[k] = E[k] + w^k O[k] with E, O the transforms of the even and odd samples.
        var half = TMath.Broadcast(0.5f);
        for (var k = 0; k <= _half; k++)
        {
            var a = k == _half ? 0 : k;
            var c = k == 0 ? 0 : _half - k;
            var (ra, rc, ia, ic) = (Unsafe.Add(ref r, a), Unsafe.Add(ref r, c), Unsafe.Add(ref i, a), Unsafe.Add(ref i, c));
            var evenRe = TMath.Multiply(TMath.Add(ra, rc), half);
            var evenIm = TMath.Multiply(TMath.Subtract(ia, ic), half);
            var oddRe = TMath.Multiply(TMath.Add(ia, ic), half);
            var oddIm = TMath.Multiply(TMath.Subtract(rc, ra), half);
            var wr = TMath.Broadcast(_splitCos[k]);
            var wi = TMath.Broadcast(_splitSin[k]);
            var xr = TMath.Subtract(TMath.Add(evenRe, TMath.Multiply(wr, oddRe)), TMath.Multiply(wi, oddIm));
            var xi = TMath.Add(TMath.Add(evenIm, TMath.Multiply(wr, oddIm)), TMath.Multiply(wi, oddRe));
            Unsafe.Add(ref p, k) = TMath.Add(TMath.Multiply(xr, xr), TMath.Multiply(xi, xi));
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
