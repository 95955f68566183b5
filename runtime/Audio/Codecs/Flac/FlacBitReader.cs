namespace AstDsl.Audio.Codecs.Flac;

/// <summary>
/// Big-endian bit reader over a whole FLAC file in memory. Every read is bounds-checked, so a damaged or cut file
/// fails with a named <see cref="AudioFormatException"/> at the byte where the data ran out, never with an overrun.
/// </summary>
internal sealed class FlacBitReader
{
    private readonly byte[] _data;
    private readonly string _name;
    private long _bit;

    public FlacBitReader(byte[] data, string name, int startByte)
    {
        _data = data;
        _name = name;
        _bit = startByte * 8L;
    }

    /// <summary>Byte holding the next unread bit.</summary>
    public long BytePosition => _bit >> 3;

    public bool AtByteBoundary => (_bit & 7) == 0;

    public long BytesLeft => _data.Length - BytePosition;

    public byte[] Data => _data;

    /// <summary>The next <paramref name="count"/> (0..32) bits as an unsigned number.</summary>
    public uint Bits(int count, string what)
    {
        if (count == 0) return 0;
        Require(count, what);
        var first = (int)(_bit >> 3);
        ulong window = 0;
        for (var i = 0; i < 8; i++)
            window = (window << 8) | (first + i < _data.Length ? _data[first + i] : 0u);
        var value = (uint)((window << (int)(_bit & 7)) >> (64 - count));
        _bit += count;
        return value;
    }

    /// <summary>The next <paramref name="count"/> (0..32) bits as a two's-complement number.</summary>
    public int Signed(int count, string what)
    {
        if (count == 0) return 0;
        var raw = Bits(count, what);
        return count == 32 ? (int)raw : (int)(raw << (32 - count)) >> (32 - count);
    }

    /// <summary>Counts zero bits up to and including the next one bit (a unary-coded number).</summary>
    public int Unary(string what)
    {
        var zeros = 0;
        while (true)
        {
            var index = (int)(_bit >> 3);
            if (index >= _data.Length) throw Truncated(what);
            var offset = (int)(_bit & 7);
            var rest = (byte)(_data[index] << offset);
            if (rest != 0)
            {
                var leading = System.Numerics.BitOperations.LeadingZeroCount((uint)rest) - 24;
                zeros += leading;
                _bit += leading + 1;
                return zeros;
            }
            zeros += 8 - offset;
            _bit += 8 - offset;
        }
    }

    /// <summary>Skips whole bytes from a byte boundary; the caller has checked they exist.</summary>
    public void SkipBytes(long count) => _bit += count * 8;

    /// <summary>Skips to the next byte boundary (frames pad their subframes with zero bits).</summary>
    public void AlignToByte() => _bit = (_bit + 7) & ~7L;

    /// <summary>An error at the current position naming what was being read.</summary>
    public AudioFormatException Error(string problem) =>
        new(_name, BytePosition, problem, "The file is damaged; re-encode it or convert it with `flac -d`.");

    private void Require(int count, string what)
    {
        if (_bit + count > _data.Length * 8L) throw Truncated(what);
    }

    private AudioFormatException Truncated(string what) =>
        new(_name, BytePosition, $"truncated: the file ends inside {what}", "The file was cut short; re-export or re-download it.");
}
