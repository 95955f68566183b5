using AstDsl.TestSupport;
using AstDsl.Audio.Augment;
using AstDsl.Audio.Features;
using AstDsl.Audio.Tests.Data;
using static TorchSharp.torch;

namespace AstDsl.Audio.Tests.Augment;

/// <summary>
/// The clip pipeline passes no Scalar that a garbage collection could finalize while libtorch reads it: an implicit
/// numeric -> Scalar temporary is unreachable during its native call, and collections triggered by other threads (the
/// prefetching loader's workers) then free it mid-call ("Expected false to be true ... toDouble").
/// </summary>
public sealed class GcStressTests : IDisposable
{
    private const int Items = 1500;

    private readonly TinyDataset _files = new(targetLength: 40);

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Augmented_items_survive_collections_on_another_thread()
    {
        var dataset = _files.Dataset(ClipRecipe.Load().Mixup(probability: 0.5, alpha: 10).Fbank()
            .MaskFrequency(30).MaskTime(10).Normalize(ClipPipelineOptions.AudioSetMean, ClipPipelineOptions.AudioSetStd).Noise().SmoothLabels(0.1));
        await GcPressure.WhileCollecting(Items, i =>
        {
            using var scope = NewDisposeScope();
            var (features, target) = dataset.Get(i % dataset.Count, seed: i);
            Assert.True(features.isfinite().all().item<bool>(), $"non-finite features at item {i}");
            Assert.True(target.isfinite().all().item<bool>(), $"non-finite target at item {i}");
        });
    }
}
