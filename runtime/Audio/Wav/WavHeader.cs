namespace AstDsl.Audio.Wav;

/// <summary>
/// Reads only the sample rate of a WAV file from its chunk headers and 'fmt ' chunk (the checks of
/// <see cref="WavReader"/>), without reading the audio: cheap enough to survey a whole dataset before training.
/// Damaged files give null here; decoding reports them properly.
/// </summary>
public static class WavHeader
{
    /// <summary>The sample rate in Hz, or null when the file is missing, not WAV (of a supported encoding) or damaged.</summary>
    public static int? SampleRate(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64);
            return WavReader.Parse(new WavBytes.OnDisk(file), path).Format.SampleRate;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or AudioFormatException)
        {
            return null;
        }
    }
}
