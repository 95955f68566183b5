using AstDsl.Audio.Data;
using AstDsl.Audio.Features;
using static TorchSharp.torch;

namespace AstDsl.Audio.Tests.Data;

/// <summary>
/// Issue 8.1: with resampling on, the cached resampler's filter was created inside the first clip's dispose scope and
/// freed with it, so the second clip failed with "Tensor invalid -- empty handle". Real files, several workers, two epochs.
/// </summary>
public sealed class ResamplingLoaderTests
{
    [Theory]
    [InlineData(8000)]
    [InlineData(44100)]
    public void Clips_at_another_rate_load_through_the_loader_and_keep_their_pitch(int fileRate)
    {
        using var files = new TinyDataset(targetLength: 24, clips: 6, rate: fileRate, resampleTo: 16000);
        var loader = new BatchLoader(files.Dataset(), new LoaderOptions { BatchSize = 3, Workers = 3, Seed = 2 });
        using var reference = new ClipPipeline(new ClipPipelineOptions { TargetLength = 24 });
        foreach (var epoch in new[] { 1, 2 })
            foreach (var batch in loader.Epoch(epoch))
                using (batch)
                    for (var row = 0; row < batch.Size; row++)
                    {
                        var clip = batch.Indices[row];
                        using var native = reference.Process(Native(clip));
                        Assert.Equal(PeakBin(native), PeakBin(batch.Features[row]));
                    }
    }

    // The same tone written at 16 kHz: what the resampled clip must look like to the model.
    private static Waveform Native(int clip)
    {
        using var pipeline = new ClipPipeline();
        return pipeline.Prepare(Signals.Tone(TinyDataset.ToneHz(clip), TinyDataset.Seconds(clip)));
    }

    private static long PeakBin(Tensor features)
    {
        using var scope = NewDisposeScope();
        return features.narrow(0, 0, 10).mean([0L]).argmax().item<long>();
    }
}
