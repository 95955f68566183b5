namespace AstDsl.Audio.Codecs.Flac;

/// <summary>
/// A complete FLAC decoder (STREAMINFO, frames with constant/verbatim/fixed/LPC subframes, Rice residuals, the three
/// stereo decorrelations, CRC-8 and CRC-16 checks). Samples are scaled as the WAV reader scales PCM of the same width
/// (divide by 2^(bits-1)), so a FLAC file and the WAV it was encoded from decode to the same floats.
/// </summary>
internal static class FlacDecoder
{
    /// <summary>Decodes a whole file whose "fLaC" marker starts at <paramref name="start"/>.</summary>
    public static Wav.AudioClip Decode(byte[] bytes, int start, string name)
    {
        var reader = new FlacBitReader(bytes, name, start + 4);
        var info = FlacStreamInfo.Read(reader);
        var channels = Enumerable.Range(0, info.Channels).Select(_ => new List<float>()).ToArray();
        var work = Enumerable.Range(0, info.Channels).Select(_ => Array.Empty<long>()).ToArray();
        var scale = 1f / (1L << (info.BitsPerSample - 1));
        long decoded = 0;
        while (reader.BytesLeft >= 2 && !(info.TotalSamples > 0 && decoded >= info.TotalSamples && !AtSync(reader)))
        {
            var frameStart = (int)reader.BytePosition;
            var header = FlacFrameHeader.Read(reader, info);
            if (header.BitsPerSample != info.BitsPerSample)
                throw reader.Error($"a frame has {header.BitsPerSample}-bit samples but STREAMINFO declares {info.BitsPerSample}");
            for (var c = 0; c < header.Channels; c++)
            {
                if (work[c].Length < header.BlockSize) work[c] = new long[header.BlockSize];
                FlacSubframe.Decode(reader, header.BitsPerSample + SideBit(header.Layout, c), work[c], header.BlockSize);
            }
            reader.AlignToByte();
            var frameEnd = (int)reader.BytePosition;
            var crc = reader.Bits(16, "a frame footer CRC");
            if (crc != FlacCrc.Crc16(bytes.AsSpan(frameStart, frameEnd - frameStart)))
                throw reader.Error("frame CRC-16 mismatch (the frame is damaged)");
            Restore(header, work);
            for (var c = 0; c < header.Channels; c++)
                for (var i = 0; i < header.BlockSize; i++) channels[c].Add(work[c][i] * scale);
            decoded += header.BlockSize;
        }
        if (info.TotalSamples > 0 && decoded < info.TotalSamples)
            throw new AudioFormatException(name, reader.BytePosition,
                $"truncated: STREAMINFO declares {info.TotalSamples} samples per channel but the frames hold {decoded}",
                "The file was cut short; re-export or re-download it.");
        var frames = info.TotalSamples > 0 ? (int)Math.Min(decoded, info.TotalSamples) : (int)decoded;
        var planar = new float[frames * info.Channels];
        for (var c = 0; c < info.Channels; c++) channels[c].CopyTo(0, planar, c * frames, frames);
        return new Wav.AudioClip(planar, info.Channels, info.SampleRate);
    }

    // After the declared samples only another frame (an encoder that under-declared) is decoded; trailing tags are ignored.
    private static bool AtSync(FlacBitReader reader)
    {
        var at = (int)reader.BytePosition;
        return reader.Data[at] == 0xFF && (reader.Data[at + 1] & 0xFE) == 0xF8;
    }

    // The side channel of a decorrelated pair carries one extra bit.
    private static int SideBit(FlacChannelLayout layout, int channel) => layout switch
    {
        FlacChannelLayout.LeftSide or FlacChannelLayout.MidSide => channel == 1 ? 1 : 0,
        FlacChannelLayout.SideRight => channel == 0 ? 1 : 0,
        _ => 0,
    };

    private static void Restore(FlacFrameHeader header, long[][] work)
    {
        if (header.Layout == FlacChannelLayout.Independent) return;
        var (a, b) = (work[0], work[1]);
        for (var i = 0; i < header.BlockSize; i++)
        {
            switch (header.Layout)
            {
                case FlacChannelLayout.LeftSide:
                    b[i] = a[i] - b[i];
                    break;
                case FlacChannelLayout.SideRight:
                    a[i] += b[i];
                    break;
                case FlacChannelLayout.MidSide:
                    var mid = (a[i] << 1) | (b[i] & 1);
                    var side = b[i];
                    a[i] = (mid + side) >> 1;
                    b[i] = (mid - side) >> 1;
                    break;
            }
        }
    }
}
