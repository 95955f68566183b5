namespace AstDsl.Audio.Codecs.Flac;

/// <summary>The STREAMINFO block every FLAC file starts with.</summary>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="Channels">1 to 8.</param>
/// <param name="BitsPerSample">4 to 32.</param>
/// <param name="TotalSamples">Samples per channel, 0 when the encoder did not know.</param>
internal sealed record FlacStreamInfo(int SampleRate, int Channels, int BitsPerSample, long TotalSamples)
{
    /// <summary>Reads the metadata blocks after "fLaC" and returns STREAMINFO; leaves the reader at the first frame.</summary>
    public static FlacStreamInfo Read(FlacBitReader reader)
    {
        FlacStreamInfo? info = null;
        var last = false;
        while (!last)
        {
            var start = reader.BytePosition;
            last = reader.Bits(1, "a metadata block header") == 1;
            var type = reader.Bits(7, "a metadata block header");
            var length = reader.Bits(24, "a metadata block header");
            if (length > reader.BytesLeft)
                throw reader.Error($"truncated: metadata block {type} declares {length} bytes but only {reader.BytesLeft} follow");
            if (start == 4 && type != 0) throw reader.Error($"the first metadata block has type {type}; STREAMINFO (0) was expected");
            if (type == 127) throw reader.Error("invalid metadata block type 127");
            if (type == 0)
            {
                if (length != 34) throw reader.Error($"STREAMINFO has {length} bytes; 34 were expected");
                reader.Bits(32, "STREAMINFO"); // block sizes (not needed: each frame states its own)
                reader.Bits(24, "STREAMINFO");
                reader.Bits(24, "STREAMINFO"); // frame sizes
                var rate = (int)reader.Bits(20, "STREAMINFO");
                var channels = (int)reader.Bits(3, "STREAMINFO") + 1;
                var bits = (int)reader.Bits(5, "STREAMINFO") + 1;
                var total = ((long)reader.Bits(4, "STREAMINFO") << 32) | reader.Bits(32, "STREAMINFO");
                reader.Bits(32, "STREAMINFO"); // MD5 of the audio, 128 bits
                reader.Bits(32, "STREAMINFO");
                reader.Bits(32, "STREAMINFO");
                reader.Bits(32, "STREAMINFO");
                if (rate == 0) throw reader.Error("STREAMINFO declares sample rate 0");
                if (bits < 4) throw reader.Error($"STREAMINFO declares {bits} bits per sample; at least 4 are needed");
                info = new FlacStreamInfo(rate, channels, bits, total);
            }
            else
            {
                reader.SkipBytes(length); // PADDING, VORBIS_COMMENT, PICTURE, ... (length checked above)
            }
        }
        return info ?? throw reader.Error("no STREAMINFO block");
    }
}
