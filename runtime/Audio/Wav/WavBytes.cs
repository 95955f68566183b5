namespace AstDsl.Audio.Wav;

/// <summary>The bytes <see cref="WavReader.Parse{TBytes}"/> walks: a file's length and the parts at given offsets.</summary>
internal interface IWavBytes
{
    /// <summary>Length of the file in bytes.</summary>
    int Length { get; }

    /// <summary>The <paramref name="length"/> bytes at <paramref name="start"/>, which lie within <see cref="Length"/>.</summary>
    ReadOnlySpan<byte> Slice(int start, int length);
}

/// <summary>The two places a WAV file is parsed from.</summary>
internal static class WavBytes
{
    /// <summary>A file held whole in memory.</summary>
    internal readonly ref struct InMemory(ReadOnlySpan<byte> bytes) : IWavBytes
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public int Length => _bytes.Length;

        public ReadOnlySpan<byte> Slice(int start, int length) => _bytes.Slice(start, length);
    }

    /// <summary>A file on disk of which only the parsed headers are read (a long recording is then read in chunks).</summary>
    internal sealed class OnDisk(FileStream file) : IWavBytes
    {
        public int Length => checked((int)file.Length);

        public ReadOnlySpan<byte> Slice(int start, int length)
        {
            var part = new byte[length];
            file.Seek(start, SeekOrigin.Begin);
            file.ReadExactly(part);
            return part;
        }
    }
}
