using AstDsl.Audio.Augment;
using AstDsl.Audio.Data;
using AstDsl.Audio.Features;
using AstDsl.Audio.Wav;

namespace AstDsl.Audio.Tests.Data;

/// <summary>Issue 8.16, 8.17 and the 1 Hz file: a bad clip is named, with the language's keys, never an internal name.</summary>
public sealed class ClipFailureMessageTests
{
    private static DatafileEntry Entry(string wav) => new(wav, new[] { "/m/c0" }, new[] { 0 });

    [Fact]
    public void A_folder_named_like_a_clip_is_called_a_directory_not_access_denied()
    {
        using var dir = new TempDir();
        var folder = dir.File("clip.wav");
        Directory.CreateDirectory(folder);
        using var pipeline = new ClipPipeline();
        var dataset = new ClipDataset(new[] { Entry(folder) }, 1, pipeline);

        var error = Assert.Throws<ClipLoadException>(() => dataset.Get(0, seed: 1));

        Assert.Equal($"clip 0 ({folder}) could not be loaded: {folder}: it is a folder, not a file. Pass a regular audio file of at most 1 GiB; split longer recordings, e.g. `sox in.wav part.wav trim 0 3600 : newfile : restart`. " +
                     "Fix or remove the file, or skip unreadable files with `on_bad_file = skip` in the data block.", error.Message);
    }

    [Fact]
    public void A_1_Hz_file_is_a_named_bad_clip()
    {
        using var dir = new TempDir();
        var wav = dir.File("one-hertz.wav");
        WavWriter.Write(wav, new AudioClip(new float[40], 1, 1));
        using var pipeline = new ClipPipeline(new ClipPipelineOptions { TargetLength = 8 });
        var dataset = new ClipDataset(new[] { Entry(wav) }, 1, pipeline);

        var error = Assert.Throws<ClipLoadException>(() => dataset.Get(0, seed: 1));

        Assert.StartsWith($"clip 0 ({wav}) could not be loaded: {wav}: its sample rate 1 Hz cannot be analysed (features.frame_length: a 25 ms frame at 1 Hz is shorter than 2 samples", error.Message);
        Assert.EndsWith("`on_bad_file = skip` in the data block.", error.Message);
    }

    [Fact]
    public void Mixup_of_two_rates_blames_the_clip_not_at_the_spec_rate_and_points_at_resample()
    {
        using var dir = new TempDir();
        var good = dir.File("good.wav");
        var odd = dir.File("odd.wav");
        WavWriter.Write(good, Signals.Tone(440, 0.3));
        WavWriter.Write(odd, Signals.Tone(440, 0.3, rate: 8000));
        using var pipeline = new ClipPipeline(new ClipPipelineOptions { TargetLength = 8, ExpectedSampleRate = 16000 });
        var dataset = new ClipDataset(new[] { Entry(odd), Entry(good) }, 1, pipeline, ClipRecipe.Load().Mixup(probability: 1, alpha: 10).Fbank().Normalize(ClipPipelineOptions.AudioSetMean, ClipPipelineOptions.AudioSetStd));

        // Whichever clip draws the other as its partner, the 8 kHz one is named.
        var failures = 0;
        foreach (var index in new[] { 0, 1 })
            for (var seed = 0; seed < 6; seed++)
            {
                try
                {
                    dataset.Get(index, seed).Features.Dispose();
                }
                catch (ClipLoadException error)
                {
                    failures++;
                    Assert.Equal(odd, error.FilePath);
                    Assert.Contains("set `resample = on` in the features block to bring every clip to features.sample_rate", error.Message);
                }
            }
        Assert.InRange(failures, 2, 12);
    }

    [Fact]
    public void Option_errors_use_the_spec_keys()
    {
        Assert.Equal("train.batch must be at least 1, got 0", Assert.Throws<ArgumentException>(() => new LoaderOptions { BatchSize = 0 }.Validate(4)).Message);
        Assert.Equal("features.std must be a positive number that fits a float (about 1e-38 to 3e38), got 0",
            Assert.Throws<ArgumentException>(() => new ClipPipelineOptions { NormStd = (float)1e-320 }.Validate()).Message);
        Assert.Equal("augment.freqm must be >= 1 when the mask is used, got 0", Assert.Throws<ArgumentException>(() => ClipRecipe.Load().Fbank().MaskFrequency(0)).Message);
    }
}
