namespace AstDsl.Bench.Streaming;

/// <summary>
/// A WAV stream (header with the streaming "unknown" data size, then s16le mono) of a long synthetic signal, generated
/// as it is read: a 30-minute input costs no disk and no memory of its own, so the benchmark measures the tagger alone.
/// </summary>
internal sealed class SyntheticPcmStream(int sampleRate, long totalSamples) : Stream
{
    private readonly byte[] _header = Header(sampleRate);
    private readonly Random _noise = new(5);
    private long _position; // bytes produced, header included

    public override int Read(byte[] buffer, int offset, int count)
    {
        var written = 0;
        while (written < count && _position < _header.Length)
            buffer[offset + written++] = _header[_position++];
        var end = _header.Length + totalSamples * 2;
        while (written + 1 < count && _position + 1 < end)
        {
            var index = (_position - _header.Length) / 2;
            var value = (short)(Sample(index) * 32767);
            buffer[offset + written++] = (byte)value;
            buffer[offset + written++] = (byte)(value >> 8);
            _position += 2;
        }
        return written;
    }

    // A tone whose pitch wanders every few seconds over low noise: the fbank and the model see changing input.
    private double Sample(long index)
    {
        var t = index / (double)sampleRate;
        var pitch = 200 + 150 * (1 + Math.Sin(t / 7));
        return 0.4 * Math.Sin(2 * Math.PI * pitch * t) + 0.05 * (_noise.NextDouble() - 0.5);
    }

    private static byte[] Header(int rate)
    {
        var header = new byte[44];
        "RIFF"u8.CopyTo(header);
        BitConverter.TryWriteBytes(header.AsSpan(4), uint.MaxValue);
        "WAVEfmt "u8.CopyTo(header.AsSpan(8));
        BitConverter.TryWriteBytes(header.AsSpan(16), 16);
        BitConverter.TryWriteBytes(header.AsSpan(20), (short)1);
        BitConverter.TryWriteBytes(header.AsSpan(22), (short)1);
        BitConverter.TryWriteBytes(header.AsSpan(24), rate);
        BitConverter.TryWriteBytes(header.AsSpan(28), rate * 2);
        BitConverter.TryWriteBytes(header.AsSpan(32), (short)2);
        BitConverter.TryWriteBytes(header.AsSpan(34), (short)16);
        "data"u8.CopyTo(header.AsSpan(36));
        BitConverter.TryWriteBytes(header.AsSpan(40), uint.MaxValue);
        return header;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
