namespace AstDsl.Audio.Wav;

/// <summary>How samples are stored in a WAV data chunk.</summary>
public enum WavEncoding
{
    /// <summary>Unsigned 8-bit PCM (offset 128).</summary>
    Pcm8,
    /// <summary>Signed 16-bit little-endian PCM.</summary>
    Pcm16,
    /// <summary>Signed 24-bit little-endian PCM (packed, 3 bytes).</summary>
    Pcm24,
    /// <summary>Signed 32-bit little-endian PCM.</summary>
    Pcm32,
    /// <summary>IEEE 754 single precision.</summary>
    Float32,
    /// <summary>IEEE 754 double precision.</summary>
    Float64,
}

/// <summary>Properties of <see cref="WavEncoding"/> values.</summary>
public static class WavEncodingInfo
{
    /// <summary>Bytes one sample of one channel occupies.</summary>
    public static int BytesPerSample(this WavEncoding encoding) => encoding switch
    {
        WavEncoding.Pcm8 => 1,
        WavEncoding.Pcm16 => 2,
        WavEncoding.Pcm24 => 3,
        WavEncoding.Pcm32 or WavEncoding.Float32 => 4,
        WavEncoding.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "unknown WAV encoding"),
    };

    /// <summary>True for the IEEE float encodings (format tag 3).</summary>
    public static bool IsFloat(this WavEncoding encoding) => encoding is WavEncoding.Float32 or WavEncoding.Float64;
}
