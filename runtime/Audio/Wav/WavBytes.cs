using System.Diagnostics;

namespace AstDsl.Audio.Wav;

/// <summary>The bytes <see cref="WavReader.Parse{TBytes}"/> walks: the parts of a file or stream at given offsets.</summary>
internal interface IWavBytes
{
    /// <summary>
    /// Whether the bytes come from a pipe or a growing file, read once front to back with no known length: the audio
    /// is then the rest of the stream after the first 'data' chunk header.
    /// </summary>
    bool IsStream { get; }

    /// <summary>How many of the <paramref name="length"/> bytes at <paramref name="start"/> exist (fewer where the bytes end).</summary>
    int Available(int start, long length);

    /// <summary>The <paramref name="length"/> bytes at <paramref name="start"/>, which <see cref="Available"/> said exist.</summary>
    ReadOnlySpan<byte> Slice(int start, int length);
}

/// <summary>The three places a WAV header is parsed from.</summary>
internal static class WavBytes
{
    /// <summary>A file held whole in memory.</summary>
    internal readonly ref struct InMemory(ReadOnlySpan<byte> bytes) : IWavBytes
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public bool IsStream => false;

        public int Available(int start, long length) => (int)Math.Clamp(_bytes.Length - (long)start, 0, length);

        public ReadOnlySpan<byte> Slice(int start, int length) => _bytes.Slice(start, length);
    }

    /// <summary>A file on disk of which only the parsed headers are read (a long recording is then read in chunks).</summary>
    internal sealed class OnDisk(FileStream file) : IWavBytes
    {
        public bool IsStream => false;

        public int Available(int start, long length) => (int)Math.Clamp(file.Length - start, 0, length);

        public ReadOnlySpan<byte> Slice(int start, int length)
        {
            var part = new byte[length];
            file.Seek(start, SeekOrigin.Begin);
            file.ReadExactly(part);
            return part;
        }
    }

    /// <summary>
    /// A pipe or a file still being written, read only as far as the parser asks, so the stream is left at the first
    /// sample; a read that finds no bytes is retried for <paramref name="idle"/> before the stream counts as ended.
    /// </summary>
    internal sealed class Streamed(Stream input, TimeSpan idle) : IWavBytes
    {
        private byte[] _bytes = new byte[64];
        private int _count;
        private bool _ended;

        public bool IsStream => true;

        public int Available(int start, long length)
        {
            Fill((int)Math.Min(int.MaxValue, start + length));
            return (int)Math.Clamp(_count - (long)start, 0, length);
        }

        public ReadOnlySpan<byte> Slice(int start, int length) => _bytes.AsSpan(start, length);

        // Never reads past end: the bytes after the header are the samples the caller reads itself.
        private void Fill(int end)
        {
            if (end > _bytes.Length) Array.Resize(ref _bytes, Math.Max(end, 2 * _bytes.Length));
            var waited = Stopwatch.StartNew();
            while (_count < end && !_ended)
            {
                var got = input.Read(_bytes, _count, end - _count);
                if (got > 0)
                {
                    _count += got;
                    waited.Restart();
                }
                else if (waited.Elapsed >= idle)
                {
                    _ended = true;
                }
                else
                {
                    Thread.Sleep(50);
                }
            }
        }
    }
}
