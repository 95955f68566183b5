namespace AstDsl.Audio.Codecs;

/// <summary>
/// MPEG-1/2 Layer I-III through NLayer. As with torchaudio's and most decoders, the encoder delay and padding (about
/// 1105 and up to 1152 samples for LAME) are kept: the decoded clip starts with that much near-silence.
/// </summary>
internal static class Mp3Decoder
{
    private const string Fix = "Re-encode it, e.g. `lame in.wav` or `ffmpeg -i in -c:a pcm_s16le out.wav`.";

    public static Wav.AudioClip Decode(byte[] bytes, string name)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        try
        {
            using var reader = new NLayer.MpegFile(stream);
            var clip = InterleavedDecoding.Drain(reader.ReadSamples, reader.Channels, reader.SampleRate);
            if (clip.Frames == 0)
                throw new AudioFormatException(name, -1, "no MPEG audio frames could be decoded", Fix);
            return clip;
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IndexOutOfRangeException or EndOfStreamException or NotSupportedException or InvalidOperationException or NullReferenceException)
        {
            throw new AudioFormatException(name, stream.Position, $"damaged MP3 data ({e.Message.TrimEnd('.')})", Fix);
        }
    }
}
