using AstDsl.Audio.Demo;
using AstDsl.Training.Data;
using AstDsl.Network;
using AstDsl.Training.Experiments;
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
    public void A_cache_folder_that_cannot_be_created_is_reported_once_and_the_run_finishes()
    {
        using var temp = new TempDirectory();
        var demo = DemoDataset.Write(Path.Combine(temp.Path, "demo"), seed: 3, new DemoOptions { TrainClips = 16, EvalClips = 4 });
        var plain = DemoRunFixture.DefinitionFor(demo, epochs: 1);
        var blocker = Path.Combine(plain.SpecDirectory, "taken");
        File.WriteAllText(blocker, "a file where the cache folder's parent should go");
        var definition = plain with
        {
            Features = plain.Features with { Cache = "taken/cache" },
            Train = plain.Train with { WeightAveraging = null },
            Evaluation = plain.Evaluation with { Ensemble = false },
        };
        var reporter = new RecordingReporter();

        var result = ExperimentRunner.Run(definition, () => new AstModel(definition.Model),
            new RunOptions { RunsRoot = Path.Combine(temp.Path, "runs"), Device = "cpu" }, reporter);

        Assert.Single(result.History);
        var warning = Assert.Single(result.Warnings, w => w.StartsWith("features.cache", StringComparison.Ordinal));
        Assert.Equal($"features.cache: cannot write to '{Path.Combine(blocker, "cache")}': '{blocker}' is a file, not a folder; " +
            "continuing without the cache; set features { cache = off } or a writable path", warning);
        Assert.Equal(["warning: " + warning], reporter.Messages.Where(m => m.Contains("features.cache", StringComparison.Ordinal)));
    }
}
