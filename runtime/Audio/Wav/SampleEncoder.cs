using System.Buffers.Binary;

namespace AstDsl.Audio.Wav;

/// <summary>Planar float32 to interleaved WAV sample bytes, the inverse of <see cref="SampleDecoder"/>.</summary>
internal static class SampleEncoder
{
    public static void Interleave(AudioClip clip, WavEncoding encoding, Span<byte> data)
    {
        var width = encoding.BytesPerSample();
        var frames = clip.Frames;
        var channels = clip.Channels;
        for (var c = 0; c < channels; c++)
        {
            var samples = clip.Channel(c);
            for (var f = 0; f < frames; f++)
                EncodeOne(samples[f], encoding, data.Slice((f * channels + c) * width, width));
        }
    }

    private static void EncodeOne(float x, WavEncoding encoding, Span<byte> s)
    {
        switch (encoding)
        {
            case WavEncoding.Pcm8:
                s[0] = (byte)(Quantise(x, 8) + 128);
                break;
            case WavEncoding.Pcm16:
                BinaryPrimitives.WriteInt16LittleEndian(s, (short)Quantise(x, 16));
                break;
            case WavEncoding.Pcm24:
                var v = (int)Quantise(x, 24);
                s[0] = (byte)v;
                s[1] = (byte)(v >> 8);
                s[2] = (byte)(v >> 16);
                break;
            case WavEncoding.Pcm32:
                BinaryPrimitives.WriteInt32LittleEndian(s, (int)Quantise(x, 32));
                break;
            case WavEncoding.Float32:
                BinaryPrimitives.WriteSingleLittleEndian(s, x);
                break;
            case WavEncoding.Float64:
                BinaryPrimitives.WriteDoubleLittleEndian(s, x);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "unknown WAV encoding");
        }
    }

    // NaN becomes silence rather than an arbitrary integer.
    private static long Quantise(float x, int bits)
    {
        if (float.IsNaN(x)) return 0;
        var full = Math.Pow(2, bits - 1);
        return (long)Math.Clamp(Math.Round(x * full, MidpointRounding.ToEven), -full, full - 1);
    }
}
