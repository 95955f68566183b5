using System.Buffers.Binary;

namespace AstDsl.Audio.Wav;

/// <summary>
/// Reads only the sample rate of a WAV file (its 'fmt ' chunk), without decoding the audio: cheap enough to survey a
/// whole dataset before training. Damaged files give null here; decoding reports them properly.
/// </summary>
public static class WavHeader
{
    private const int MaxChunks = 64;

    /// <summary>The sample rate in Hz, or null when the file is missing, not WAV or damaged.</summary>
    public static int? SampleRate(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64);
            Span<byte> header = stackalloc byte[12];
            if (file.ReadAtLeast(header, 12, throwOnEndOfStream: false) < 12
                || !header[..4].SequenceEqual("RIFF"u8) || !header[8..].SequenceEqual("WAVE"u8))
                return null;
            Span<byte> chunk = stackalloc byte[16];
            for (var i = 0; i < MaxChunks; i++)
            {
                if (file.ReadAtLeast(chunk[..8], 8, throwOnEndOfStream: false) < 8) return null;
                var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..8]);
                if (chunk[..4].SequenceEqual("fmt "u8))
                {
                    if (size < 16 || file.ReadAtLeast(chunk, 16, throwOnEndOfStream: false) < 16) return null;
                    var rate = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..8]);
                    return rate is > 0 and <= int.MaxValue ? (int)rate : null;
                }
                file.Seek(size + (size & 1), SeekOrigin.Current);
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
