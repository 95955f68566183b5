using AstDsl.Tagging;
using AstDsl.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace AstDsl.Export.Tests;

/// <summary>The tagger's managed resampler against torchaudio.functional.resample (shared/golden section F).</summary>
public sealed class ResamplerTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("stereo44k_to16k")]
    [InlineData("sweep16k_to8k")]
    [InlineData("speech16k_to22050")]
    public void Managed_resampler_matches_torchaudio(string name)
    {
        var golden = Golden.Load("resample.safetensors");
        var rates = golden[$"{name}_rates"].data<long>().ToArray();
        var input = golden[$"{name}_input"][0].data<float>().ToArray();
        var expected = golden[$"{name}_output"][0].data<float>().ToArray();

        var actual = Resampler.Resample(input, (int)rates[0], (int)rates[1]);

        Assert.Equal(expected.Length, actual.Length);
        var diff = actual.Zip(expected, (a, b) => Math.Abs(a - b)).Max();
        output.WriteLine($"{name}: max abs diff {diff:G3}");
        Assert.True(diff <= 1e-4, $"{name}: max abs diff {diff:G3}");
    }
}
