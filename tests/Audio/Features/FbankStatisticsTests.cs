using AstDsl.Audio.Features;
using AstDsl.TestSupport;
using static TorchSharp.torch;

namespace AstDsl.Audio.Tests.Features;

public sealed class FbankStatisticsTests
{
    [Fact]
    public void Mean_and_std_cover_every_padded_value_of_every_clip()
    {
        using var pipeline = new ClipPipeline(new ClipPipelineOptions { TargetLength = 256 });
        var paths = new[] { "noise16k.wav", "speech16k.wav", "sweep16k.wav" }.Select(Golden.PathOf).ToArray();
        var stats = FbankStatistics.Compute(paths, pipeline, workers: 2);

        using var scope = NewDisposeScope();
        var all = cat(paths.Select(p =>
        {
            using var w = pipeline.Load(p);
            return pipeline.PadOrCut(pipeline.Features(w));
        }).ToArray(), 0).to(float64);
        Assert.Equal(3, stats.Clips);
        Assert.Equal(3L * 256 * 128, stats.Values);
        Assert.Equal(all.mean().item<double>(), stats.Mean, 9);
        Assert.Equal(all.std().item<double>(), stats.Std, 9);
    }

    [Fact]
    public void Datafile_statistics_need_no_label_csv()
    {
        using var dir = new TempDir();
        var datafile = dir.Write("d.json",
            $"{{\"data\": [{{\"wav\": \"{Golden.PathOf("speech16k.wav")}\", \"labels\": \"/m/unknown\"}}]}}");
        using var pipeline = new ClipPipeline(new ClipPipelineOptions { TargetLength = 300 });
        Assert.Equal(FbankStatistics.Compute([Golden.PathOf("speech16k.wav")], pipeline), FbankStatistics.ForDatafile(datafile, pipeline));
    }

    [Fact]
    public void Statistics_ignore_the_normalisation_setting()
    {
        var path = Golden.PathOf("speech16k.wav");
        using var normalising = new ClipPipeline(new ClipPipelineOptions { TargetLength = 300 });
        using var raw = new ClipPipeline(new ClipPipelineOptions { TargetLength = 300, SkipNormalization = true });
        Assert.Equal(FbankStatistics.Compute([path], raw), FbankStatistics.Compute([path], normalising));
    }
}
