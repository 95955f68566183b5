using AstDsl.CodeGen.Emit;
using Xunit;
using static AstDsl.Dsl.Tests.Support.Specs;

namespace AstDsl.Dsl.Tests.Resolution;

/// <summary>Issue 12.4: <c>features { cache = on | off | "folder" }</c>.</summary>
public sealed class FeatureCacheSpecTests
{
    [Theory]
    [InlineData("", null)]
    [InlineData("features { cache = off }", null)]
    [InlineData("features { cache = on }", FeatureSettings.DefaultCacheFolder)]
    [InlineData("features { cache = \"/scratch/fbank\" }", "/scratch/fbank")]
    public void Cache_resolves_to_a_folder_or_off(string block, string? folder) =>
        Assert.Equal(folder, Check(MinimalWith(block)).Spec!.Features.Cache);

    [Fact]
    public void A_cache_folder_reaches_the_generated_experiment()
    {
        var spec = Check(MinimalWith("features { cache = \"fbank\" }")).Spec!;
        Assert.Contains("Cache = @\"fbank\",", ExperimentEmitter.Render(spec), StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_is_refused_with_what_cache_accepts()
    {
        var error = Single(Check(MinimalWith("features { cache = 3 }")), "AST0005", 10, 20);
        Assert.Contains("'features.cache' expects on, off or a quoted string, not '3'", error.Message, StringComparison.Ordinal);
    }
}
