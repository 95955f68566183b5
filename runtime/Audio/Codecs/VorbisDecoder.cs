using System.Text;

namespace AstDsl.Audio.Codecs;

/// <summary>Ogg Vorbis through NVorbis; an Ogg file carrying another codec (Opus, FLAC, Speex) gets a named error.</summary>
internal static class VorbisDecoder
{
    private const string Fix = "Re-encode it, e.g. `oggenc in.wav` or `ffmpeg -i in -c:a pcm_s16le out.wav`.";

    public static Wav.AudioClip Decode(byte[] bytes, string name)
    {
        var codec = FirstPacketCodec(bytes);
        if (codec != "vorbis")
            throw new AudioFormatException(name, 28, $"the Ogg file carries {codec}, not Vorbis (Ogg Vorbis is supported)", Fix);
        using var stream = new MemoryStream(bytes, writable: false);
        try
        {
            using var reader = new NVorbis.VorbisReader(stream, closeOnDispose: false);
            return InterleavedDecoding.Drain(reader.ReadSamples, reader.Channels, reader.SampleRate);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IndexOutOfRangeException or EndOfStreamException or NotSupportedException or InvalidOperationException)
        {
            throw new AudioFormatException(name, stream.Position, $"damaged Ogg Vorbis data ({e.Message.TrimEnd('.')})", Fix);
        }
    }

    // The first Ogg page (27-byte header + segment table) starts with the codec's identification packet.
    private static string FirstPacketCodec(byte[] bytes)
    {
        if (bytes.Length < 27) return "a truncated first page";
        var body = 27 + bytes[26];
        if (bytes.Length < body + 8) return "a truncated first page";
        var packet = bytes.AsSpan(body);
        if (packet.Length >= 7 && packet[0] == 1 && Encoding.ASCII.GetString(packet.Slice(1, 6)) == "vorbis") return "vorbis";
        if (Encoding.ASCII.GetString(packet[..8]) == "OpusHead") return "Opus";
        if (Encoding.ASCII.GetString(packet[..5]) == "\u007fFLAC") return "FLAC";
        if (Encoding.ASCII.GetString(packet[..8]) == "Speex   ") return "Speex";
        return "an unknown codec";
    }
}
