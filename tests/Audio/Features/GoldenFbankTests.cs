using AstDsl.Audio.Features;
using AstDsl.Audio.Wav;
using AstDsl.TestSupport;
using static TorchSharp.torch;

namespace AstDsl.Audio.Tests.Features;

public sealed class GoldenFbankTests : IClassFixture<GoldenFbankTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public Dictionary<string, Tensor> Tensors { get; } = Golden.Load("fbank.safetensors");
        public ClipPipeline Pipeline { get; } = new();

        public void Dispose()
        {
            Pipeline.Dispose();
            foreach (var t in Tensors.Values) t.Dispose();
        }
    }

    // Undoes (x - mean) / (2 std) so model inputs can be judged by the log-mel criterion.
    private const double NormScale = 2 * 4.5689974;
    private const double NormMean = -4.2677393;

    private readonly Fixture _golden;

    public GoldenFbankTests(Fixture golden) => _golden = golden;

    public static TheoryData<string> Clips => new() { "noise16k", "sweep16k", "speech16k", "stereo44k" };

    [Theory]
    [MemberData(nameof(Clips))]
    public void Waveform_after_global_mean_removal_matches_torchaudio(string clip)
    {
        using var scope = NewDisposeScope();
        var loaded = WavReader.Read(Golden.PathOf(clip + ".wav")).ToTensor();
        var centred = ClipPipeline.RemoveMean(loaded);
        TensorAssert.Close(centred, _golden.Tensors[clip + "_waveform"], 1e-7, clip + " waveform");
    }

    [Theory]
    [MemberData(nameof(Clips))]
    public void Raw_wav_samples_are_int16_over_32768_exactly(string clip)
    {
        using var scope = NewDisposeScope();
        var loaded = WavReader.Read(Golden.PathOf(clip + ".wav")).ToTensor();
        var golden = _golden.Tensors[clip + "_waveform"];
        // The golden waveform minus its own offset must be the loaded samples up to the float32 mean shift.
        var offset = (loaded - golden).mean().item<float>();
        TensorAssert.Close(loaded - offset, golden, 1e-7, clip + " samples");
        var quantised = (loaded * 32768).round() / 32768;
        TensorAssert.Equal(quantised, loaded, clip + " quantisation");
    }

    [Theory]
    [MemberData(nameof(Clips))]
    public void Fbank_matches_official_kaldi_fbank(string clip)
    {
        using var scope = NewDisposeScope();
        using var waveform = _golden.Pipeline.Load(Golden.PathOf(clip + ".wav"));
        var fbank = _golden.Pipeline.Features(waveform);
        LogMelAssert.Close(fbank, _golden.Tensors[clip + "_fbank"], clip + " fbank");
    }

    [Theory]
    [InlineData("noise16k", "noise16k_input", 1024)]
    [InlineData("sweep16k", "sweep16k_input", 1024)]
    [InlineData("speech16k", "speech16k_input", 1024)]
    [InlineData("stereo44k", "stereo44k_input", 1024)]
    [InlineData("speech16k", "speech16k_input_t128", 128)]
    public void Model_input_matches_official_dataloader(string clip, string key, int targetLength)
    {
        using var scope = NewDisposeScope();
        using var pipeline = new ClipPipeline(new ClipPipelineOptions { TargetLength = targetLength });
        var input = pipeline.Process(Golden.PathOf(clip + ".wav"));
        var expected = _golden.Tensors[key];
        Assert.Equal(expected.shape, input.shape);

        var frames = _golden.Tensors[clip + "_fbank"].shape[0];
        var real = Math.Min(frames, targetLength);
        LogMelAssert.Close(input[..(int)real] * NormScale + NormMean, expected[..(int)real] * NormScale + NormMean, key);
        if (real < targetLength)
        {
            TensorAssert.Equal(input[(int)real..], expected[(int)real..], key + " padding");
            Assert.Equal(0.46703237f, input[^1, 0].item<float>());
        }
    }

    [Fact]
    public void Batched_fbank_equals_per_clip_fbank()
    {
        using var scope = NewDisposeScope();
        var wave = _golden.Tensors["noise16k_waveform"][0];
        var batch = stack([wave[..48000], wave[48000..96000], wave[96000..144000]]);
        var batched = _golden.Pipeline.Fbank.Compute(batch, 16000);
        Assert.Equal(new long[] { 3, 298, 128 }, batched.shape);
        for (var i = 0; i < 3; i++)
            TensorAssert.Close(batched[i], _golden.Pipeline.Fbank.Compute(batch[i], 16000), 1e-5, $"clip {i}");
    }
}
