using AstDsl.Audio.Demo;
using AstDsl.Training.Data;
using AstDsl.Training.Errors;
using Xunit;

namespace AstDsl.Training.Tests.Data;

/// <summary>Issue 12.4: <c>features.cache</c> reaches the datasets of a run and changes no batch.</summary>
public sealed class FeatureCacheRunTests
{
    private static float[] EpochFeatures(IBatchSource source, int epoch) =>
        source.Batches(epoch).SelectMany(batch =>
        {
            using (batch) return batch.Features.data<float>().ToArray();
        }).ToArray();

    [Fact]
    public void A_cached_run_fills_the_folder_beside_the_spec_and_sees_the_same_batches()
    {
        using var temp = new TempDirectory();
        var demo = DemoDataset.Write(Path.Combine(temp.Path, "demo"), seed: 3, new DemoOptions { TrainClips = 24, EvalClips = 8 });
        var plain = DemoRunFixture.DefinitionFor(demo, epochs: 1);
        var cached = plain with { Features = plain.Features with { Cache = FeatureSettings.DefaultCacheFolder } };

        using var without = ExperimentData.Open(plain);
        using var with = ExperimentData.Open(cached);
        var expected = EpochFeatures(without.Eval, 1);
        var cold = EpochFeatures(with.Eval, 1);
        var warm = EpochFeatures(with.Eval, 1);

        Assert.Equal(8, Directory.GetFiles(Path.Combine(plain.SpecDirectory, FeatureSettings.DefaultCacheFolder), "*.fbank").Length);
        Assert.Equal(expected, cold);
        Assert.Equal(expected, warm);
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_created_is_named_with_its_key()
    {
        using var temp = new TempDirectory();
        var demo = DemoDataset.Write(Path.Combine(temp.Path, "demo"), seed: 3, new DemoOptions { TrainClips = 4, EvalClips = 2 });
        var plain = DemoRunFixture.DefinitionFor(demo, epochs: 1);
        var blocker = Path.Combine(plain.SpecDirectory, "taken");
        File.WriteAllText(blocker, "a file where the folder should go");

        var error = Assert.Throws<TrainingConfigurationException>(() =>
            ExperimentData.Open(plain with { Features = plain.Features with { Cache = "taken" } }));

        Assert.Contains("features.cache", error.Message, StringComparison.Ordinal);
        Assert.Contains($"cannot create the cache folder {blocker}", error.Message, StringComparison.Ordinal);
    }
}
