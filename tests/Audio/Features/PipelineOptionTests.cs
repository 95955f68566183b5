using AstDsl.Audio.Features;
using AstDsl.Audio.Resampling;
using AstDsl.Audio.Wav;
using AstDsl.TestSupport;
using static TorchSharp.torch;

namespace AstDsl.Audio.Tests.Features;

public sealed class PipelineOptionTests
{
    [Fact]
    public void Downmix_averages_channels_before_removing_the_mean()
    {
        using var scope = NewDisposeScope();
        var clip = WavReader.Read(Golden.PathOf("stereo44k.wav"));
        using var pipeline = new ClipPipeline(new ClipPipelineOptions { Channels = ChannelPolicy.DownmixMono });
        using var waveform = pipeline.Prepare(clip);
        var expected = clip.ToTensor().mean([0L]);
        TensorAssert.Close(waveform.Samples, expected - expected.mean(), 1e-7, "downmix");
    }

    [Fact]
    public void Resampling_option_brings_44k_to_16k_with_the_sinc_filter()
    {
        using var scope = NewDisposeScope();
        var clip = WavReader.Read(Golden.PathOf("stereo44k.wav"));
        using var pipeline = new ClipPipeline(new ClipPipelineOptions { SampleRate = 16000 });
        using var waveform = pipeline.Prepare(clip);
        Assert.Equal(16000, waveform.SampleRate);
        Assert.Equal(32000, waveform.Samples.shape[0]);
        using var resampler = new SincResampler(44100, 16000);
        var resampled = resampler.Apply(clip.ToTensor());
        TensorAssert.Close(waveform.Samples, (resampled - resampled.mean())[0], 1e-6, "resampled channel 0");
        Assert.Equal(new long[] { 1024, 128 }, pipeline.Process(waveform).shape);
    }

    [Fact]
    public void Nan_inf_silent_and_too_short_clips_give_finite_inputs()
    {
        using var scope = NewDisposeScope();
        using var pipeline = new ClipPipeline(new ClipPipelineOptions { TargetLength = 64 });
        var broken = Signals.Noise(1, 8000).Samples;
        broken[10] = float.NaN;
        broken[20] = float.PositiveInfinity;
        broken[30] = float.NegativeInfinity;
        foreach (var clip in new[]
                 {
                     new AudioClip(broken, 1, 16000),
                     new AudioClip(new float[8000], 1, 16000),
                     new AudioClip(new float[100], 1, 16000),
                     new AudioClip([], 1, 16000),
                 })
        {
            using var waveform = pipeline.Prepare(clip);
            var input = pipeline.Process(waveform);
            Assert.Equal(new long[] { 64, 128 }, input.shape);
            Assert.True(isfinite(input).all().item<bool>());
        }
    }

    [Fact]
    public void Short_clips_pad_with_the_normalised_zero_and_long_clips_are_cut()
    {
        using var scope = NewDisposeScope();
        using var pipeline = new ClipPipeline(new ClipPipelineOptions { TargetLength = 10 });
        var fbank = pipeline.PadOrCut(ones(4, 128));
        Assert.Equal(0f, fbank[4..].abs().sum().item<float>());
        Assert.Equal(new long[] { 10, 128 }, pipeline.PadOrCut(ones(25, 128)).shape);
        var input = pipeline.Normalize(fbank);
        Assert.Equal(0.46703237f, input[9, 0].item<float>());
    }

    [Fact]
    public void Invalid_options_are_rejected_with_the_setting_named()
    {
        Assert.Contains("features.target_length", Assert.Throws<ArgumentException>(() => new ClipPipeline(new ClipPipelineOptions { TargetLength = 0 })).Message);
        Assert.Contains("features.std", Assert.Throws<ArgumentException>(() => new ClipPipeline(new ClipPipelineOptions { NormStd = 0 })).Message);
    }
}
