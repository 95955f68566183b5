namespace AstDsl.Audio.Wav;

/// <summary>The parts of a WAV 'fmt ' chunk that decoding needs.</summary>
/// <param name="Encoding">Sample encoding.</param>
/// <param name="Channels">Interleaved channels per frame.</param>
/// <param name="SampleRate">Frames per second.</param>
public sealed record WavFormat(WavEncoding Encoding, int Channels, int SampleRate)
{
    /// <summary>Bytes of one interleaved frame.</summary>
    public int BlockAlign => Channels * Encoding.BytesPerSample();
}
