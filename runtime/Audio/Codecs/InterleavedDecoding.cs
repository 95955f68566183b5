namespace AstDsl.Audio.Codecs;

/// <summary>
/// Drains a decoder that hands out interleaved float samples in chunks (NVorbis, NLayer) into a planar clip. Memory grows
/// with the audio actually decoded, never with a length a header declares.
/// </summary>
internal static class InterleavedDecoding
{
    private const int ChunkFrames = 16384;

    /// <summary>Reads until <paramref name="read"/> returns 0; <paramref name="read"/> fills (buffer, offset, count).</summary>
    public static Wav.AudioClip Drain(Func<float[], int, int, int> read, int channels, int sampleRate)
    {
        var buffer = new float[ChunkFrames * channels];
        var planes = Enumerable.Range(0, channels).Select(_ => new List<float>()).ToArray();
        int got;
        while ((got = read(buffer, 0, buffer.Length)) > 0)
            for (var i = 0; i < got - got % channels; i++) planes[i % channels].Add(buffer[i]);
        var frames = planes[0].Count;
        var planar = new float[frames * channels];
        for (var c = 0; c < channels; c++) planes[c].CopyTo(planar, c * frames);
        return new Wav.AudioClip(planar, channels, sampleRate);
    }
}
