using AstDsl.Audio.Features;
using AstDsl.Audio.Streaming;
using AstDsl.Audio.Wav;
using static TorchSharp.torch;

namespace AstDsl.Audio.Tests.Streaming;

/// <summary>Streamed fbank windows equal the whole-clip sliding windows, and a long stream holds a constant amount of state.</summary>
public class StreamingFeaturesTests
{
    private static readonly ClipPipelineOptions Small = new() { Fbank = FbankOptions.Official with { MelBins = 64 }, TargetLength = 200 };

    [Theory]
    [InlineData(16000, 1, 70)]   // the model rate
    [InlineData(22050, 2, 200)]  // resampled to 16 kHz, stereo, windows end to end
    [InlineData(8000, 1, 33)]
    public void Streamed_windows_equal_offline_windows(int rate, int channels, int hop)
    {
        var options = Small with { SampleRate = 16000 };
        using var pipeline = new ClipPipeline(options);
        var schedule = new WindowSchedule(options.TargetLength, hop);
        var clip = Signal(rate, channels, seconds: 7.3);

        using var waveform = pipeline.Prepare(clip);
        using var features = pipeline.Features(waveform);
        var starts = schedule.Starts((int)features.shape[0]);

        using var stream = new StreamingFeatures(pipeline, schedule, rate, channels);
        var streamed = new List<FbankWindow>();
        var offset = 0;
        var chunk = 0;
        while (offset < clip.Frames)
        {
            var length = Math.Min(clip.Frames - offset, 700 + 913 * (chunk++ % 5)); // uneven pieces
            streamed.AddRange(stream.Push(Slice(clip, offset, length)));
            offset += length;
        }
        streamed.AddRange(stream.Finish());

        Assert.Equal(starts, streamed.Select(w => w.StartFrame).ToArray());
        Assert.Equal(features.shape[0], stream.Frames);
        foreach (var window in streamed)
        {
            using var expected = features.narrow(0, window.StartFrame, Math.Min(schedule.Window, features.shape[0] - window.StartFrame));
            // Compared as mel energies relative to each frame's total: the log of a near-empty bin (above the band of an
            // 8 kHz input, say) magnifies float rounding of the DC offset without meaning anything.
            using var streamedEnergy = window.Features.exp();
            using var expectedEnergy = expected.exp();
            using var frameEnergy = expectedEnergy.sum([1L], keepdim: true);
            var difference = ((streamedEnergy - expectedEnergy).abs() / frameEnergy).max().item<float>();
            Assert.True(difference < 1e-5, $"window at frame {window.StartFrame}: max relative energy difference {difference}");
            window.Dispose();
        }
    }

    [Fact]
    public void Stream_shorter_than_a_window_gives_one_window_of_all_its_frames()
    {
        using var pipeline = new ClipPipeline(Small);
        using var stream = new StreamingFeatures(pipeline, new WindowSchedule(200, 100), 16000, 1);
        Assert.Empty(stream.Push(Signal(16000, 1, 0.5).Samples));
        var last = Assert.Single(stream.Finish());
        Assert.Equal((0, 48L), (last.StartFrame, last.Features.shape[0]));
    }

    [Fact]
    public void Two_minute_stream_keeps_one_window_of_frames()
    {
        using var pipeline = new ClipPipeline(Small with { SampleRate = 16000 });
        var schedule = new WindowSchedule(200, 100);
        using var stream = new StreamingFeatures(pipeline, schedule, 22050, 1);
        var piece = Signal(22050, 1, 1.0).Samples;
        var windows = 0;
        var maxSamples = 0;
        for (var second = 0; second < 120; second++) // 60 windows; bench/ measures 30 minutes
        {
            foreach (var w in stream.Push(piece)) { windows++; w.Dispose(); }
            if (second > 2) Assert.Equal(schedule.Window, stream.BufferedFrames);
            maxSamples = Math.Max(maxSamples, stream.BufferedSamples);
        }
        Assert.Equal((int)((stream.Frames - 200) / 100) + 1, windows);
        Assert.InRange(stream.Frames, 11_990, 12_000);
        Assert.True(maxSamples < 2 * 16000, $"{maxSamples} samples buffered"); // one push worth plus filter context
    }

    [Fact]
    public void Schedule_matches_the_half_overlap_rule_of_infer()
    {
        Assert.Equal([0], new WindowSchedule(100, 50).Starts(40));
        Assert.Equal([0], new WindowSchedule(100, 50).Starts(100));
        Assert.Equal([0, 50, 80], new WindowSchedule(100, 50).Starts(180));
        Assert.Equal([0, 50, 100], new WindowSchedule(100, 50).Starts(200));
        Assert.Equal([0, 300, 320], new WindowSchedule(100, 300).Starts(420));
    }

    private static float[] Slice(AudioClip clip, int offset, int length)
    {
        var planar = new float[length * clip.Channels];
        for (var c = 0; c < clip.Channels; c++) clip.Channel(c).Slice(offset, length).CopyTo(planar.AsSpan(c * length));
        return planar;
    }

    // A chirp over noise with a DC offset: the offset is what the official whole-clip mean removal would take out.
    private static AudioClip Signal(int rate, int channels, double seconds)
    {
        var frames = (int)(seconds * rate);
        var rng = new Random(rate + channels);
        var samples = new float[frames * channels];
        for (var c = 0; c < channels; c++)
            for (var i = 0; i < frames; i++)
            {
                var t = i / (double)rate;
                samples[c * frames + i] = (float)(0.1 + 0.4 * Math.Sin(2 * Math.PI * (200 + 300 * t + 50 * c) * t) + 0.05 * (rng.NextDouble() - 0.5));
            }
        return new AudioClip(samples, channels, rate);
    }
}
