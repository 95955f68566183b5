namespace AstDsl.Audio.Codecs.Flac;

/// <summary>How a frame stores its channels: independently, or one of the three stereo decorrelations.</summary>
internal enum FlacChannelLayout { Independent, LeftSide, SideRight, MidSide }

/// <summary>The header of one FLAC frame (sync code, block size, rate, channel layout, sample size), CRC-8 checked.</summary>
internal sealed record FlacFrameHeader(int BlockSize, int Channels, FlacChannelLayout Layout, int BitsPerSample)
{
    private static readonly int[] SampleSizes = [0, 8, 12, 0, 16, 20, 24, 32];

    /// <summary>Reads a header at the reader's (byte-aligned) position.</summary>
    public static FlacFrameHeader Read(FlacBitReader reader, FlacStreamInfo info)
    {
        var start = (int)reader.BytePosition;
        var sync = reader.Bits(15, "a frame header");
        if (sync != 0x7FFC) throw reader.Error($"expected a frame sync code (0xFFF8 or 0xFFF9) but found 0x{sync << 1:X4}");
        reader.Bits(1, "a frame header"); // fixed or variable block size: positions are not needed to decode
        var sizeCode = (int)reader.Bits(4, "a frame header");
        var rateCode = (int)reader.Bits(4, "a frame header");
        var channelCode = (int)reader.Bits(4, "a frame header");
        var sizeBitsCode = (int)reader.Bits(3, "a frame header");
        reader.Bits(1, "a frame header");
        SkipCodedNumber(reader);
        var blockSize = sizeCode switch
        {
            0 => throw reader.Error("reserved block size code 0"),
            1 => 192,
            <= 5 => 576 << (sizeCode - 2),
            6 => (int)reader.Bits(8, "a frame header") + 1,
            7 => (int)reader.Bits(16, "a frame header") + 1,
            _ => 256 << (sizeCode - 8),
        };
        switch (rateCode)
        {
            case 12: reader.Bits(8, "a frame header"); break; // the rate lives in STREAMINFO; these only repeat it
            case 13 or 14: reader.Bits(16, "a frame header"); break;
            case 15: throw reader.Error("invalid sample rate code 15");
        }
        var bits = sizeBitsCode == 0 ? info.BitsPerSample : SampleSizes[sizeBitsCode];
        if (bits == 0) throw reader.Error($"reserved sample size code {sizeBitsCode}");
        var (channels, layout) = channelCode switch
        {
            <= 7 => (channelCode + 1, FlacChannelLayout.Independent),
            8 => (2, FlacChannelLayout.LeftSide),
            9 => (2, FlacChannelLayout.SideRight),
            10 => (2, FlacChannelLayout.MidSide),
            _ => throw reader.Error($"reserved channel assignment {channelCode}"),
        };
        if (channels != info.Channels)
            throw reader.Error($"a frame has {channels} channel(s) but STREAMINFO declares {info.Channels}");
        var end = (int)reader.BytePosition;
        var crc = reader.Bits(8, "a frame header CRC");
        if (crc != FlacCrc.Crc8(reader.Data.AsSpan(start, end - start)))
            throw reader.Error("frame header CRC-8 mismatch (the frame is damaged)");
        return new FlacFrameHeader(blockSize, channels, layout, bits);
    }

    // The frame or sample number, UTF-8 style: 1 to 7 bytes, the first byte's leading ones give the count.
    private static void SkipCodedNumber(FlacBitReader reader)
    {
        var first = reader.Bits(8, "a frame number");
        var extra = System.Numerics.BitOperations.LeadingZeroCount(~first << 24);
        if (extra == 1 || extra > 7) throw reader.Error($"invalid frame number lead byte 0x{first:X2}");
        for (var i = 1; i < extra; i++)
            if (reader.Bits(8, "a frame number") >> 6 != 2) throw reader.Error("invalid frame number continuation byte");
    }
}
