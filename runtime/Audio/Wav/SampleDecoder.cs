using System.Buffers.Binary;

namespace AstDsl.Audio.Wav;

/// <summary>Turns interleaved WAV sample bytes into planar float32, scaled as torchaudio.load (divide by 2^(bits-1)).</summary>
internal static class SampleDecoder
{
    public static float[] Deinterleave(ReadOnlySpan<byte> data, WavFormat format)
    {
        var width = format.Encoding.BytesPerSample();
        var channels = format.Channels;
        var frames = data.Length / format.BlockAlign;
        var planar = new float[frames * channels];
        for (var f = 0; f < frames; f++)
        {
            var frame = data.Slice(f * format.BlockAlign, format.BlockAlign);
            for (var c = 0; c < channels; c++)
                planar[c * frames + f] = DecodeOne(frame.Slice(c * width, width), format.Encoding);
        }
        return planar;
    }

    private static float DecodeOne(ReadOnlySpan<byte> s, WavEncoding encoding) => encoding switch
    {
        WavEncoding.Pcm8 => (s[0] - 128) / 128f,
        WavEncoding.Pcm16 => BinaryPrimitives.ReadInt16LittleEndian(s) / 32768f,
        WavEncoding.Pcm24 => ((s[0] | (s[1] << 8) | (s[2] << 16)) << 8 >> 8) / 8388608f,
        WavEncoding.Pcm32 => BinaryPrimitives.ReadInt32LittleEndian(s) / 2147483648f,
        WavEncoding.Float32 => BinaryPrimitives.ReadSingleLittleEndian(s),
        WavEncoding.Float64 => (float)BinaryPrimitives.ReadDoubleLittleEndian(s),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "unknown WAV encoding"),
    };
}
