namespace AstDsl.Audio.Features;

/// <summary>
/// The vector arithmetic the lane-parallel fbank needs, over one SIMD width <typeparamref name="TVector"/>. Generic code
/// constrained to a struct implementing this is compiled once per width with every call inlined, so one source serves
/// 128-, 256- and 512-bit registers (Vector&lt;T&gt; stays 256 bits wide even on AVX-512 machines).
/// </summary>
/// <typeparam name="TVector">Vector128, Vector256 or Vector512 of float.</typeparam>
internal interface ILaneMath<TVector> where TVector : struct
{
    /// <summary>Floats per vector: the number of frames computed together.</summary>
    static abstract int Count { get; }

    /// <summary>Whether this width runs on vector instructions here (otherwise it is emulated, correct but slow).</summary>
    static abstract bool IsHardwareAccelerated { get; }

    /// <summary><paramref name="value"/> in every lane.</summary>
    static abstract TVector Broadcast(float value);

    /// <summary>a + b.</summary>
    static abstract TVector Add(TVector a, TVector b);

    /// <summary>a - b.</summary>
    static abstract TVector Subtract(TVector a, TVector b);

    /// <summary>a * b.</summary>
    static abstract TVector Multiply(TVector a, TVector b);

    /// <summary>a / b.</summary>
    static abstract TVector Divide(TVector a, TVector b);

    /// <summary>Square root of each lane.</summary>
    static abstract TVector Sqrt(TVector a);

    /// <summary>log(max(a, floor)) in each lane.</summary>
    static abstract TVector LogAtLeast(TVector a, TVector floor);
}
