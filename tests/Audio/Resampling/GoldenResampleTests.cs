using AstDsl.Audio.Resampling;
using AstDsl.TestSupport;
using static TorchSharp.torch;

namespace AstDsl.Audio.Tests.Resampling;

public sealed class GoldenResampleTests
{
    private static readonly Lazy<Dictionary<string, Tensor>> Golden = new(() => AstDsl.TestSupport.Golden.Load("resample.safetensors"));

    [Theory]
    [InlineData("stereo44k_to16k")]
    [InlineData("sweep16k_to8k")]
    [InlineData("speech16k_to22050")]
    [InlineData("noise16k_to44100")]
    public void Matches_torchaudio_default_sinc_interp_hann(string name)
    {
        var golden = Golden.Value; // loaded outside the scope: the tensors are shared by every case
        using var scope = NewDisposeScope();
        var rates = golden[name + "_rates"].data<long>().ToArray();
        using var resampler = new SincResampler((int)rates[0], (int)rates[1]);
        var output = resampler.Apply(golden[name + "_input"]);
        TensorAssert.Close(output, golden[name + "_output"], 1e-4, name);
    }

    [Fact]
    public void Same_rate_is_a_copy_and_lengths_follow_ceil()
    {
        using var scope = NewDisposeScope();
        using var resampler = new SincResampler(16000, 16000);
        var x = randn(3, 101);
        TensorAssert.Equal(resampler.Apply(x), x, "identity");
        using var down = new SincResampler(44100, 16000);
        Assert.Equal(363, down.OutputLength(1000));
        Assert.Equal(new long[] { 2, 3, 363 }, down.Apply(randn(2, 3, 1000)).shape);
    }

    [Fact]
    public void Float64_and_float32_agree()
    {
        using var scope = NewDisposeScope();
        using var resampler = new SincResampler(16000, 22050);
        var x = randn(1, 4000, dtype: float64);
        TensorAssert.Close(resampler.Apply(x.to(float32)), resampler.Apply(x), 1e-5, "dtype");
    }
}
