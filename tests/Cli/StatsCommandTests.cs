using Xunit;
using static AstDsl.Cli.Tests.DamagedInputTests;

namespace AstDsl.Cli.Tests;

/// <summary>astc stats takes a spec and uses its front end, and says which front end it used; --verbose gates the build notes.</summary>
public sealed class StatsCommandTests(TinyModelFixture tiny) : IClassFixture<TinyModelFixture>
{
    private string Spec()
    {
        var path = tiny.File("tiny.ast");
        File.WriteAllText(path, $$"""
            experiment tiny_stats
            features { mel_bins = 32; target_length = 64 frames; window = hamming; downmix = on }
            model { width = 16; depth = 1; heads = 2; patch = 16; stride = 16 x 16; tokens = cls; labels = 3; pretrain none }
            data { train = "{{tiny.Datafile}}"; eval = "{{tiny.Datafile}}"; label_csv = "{{tiny.LabelCsv}}" }
            train { batch = 2; epochs = 1 }
            """);
        return path;
    }

    [Fact]
    public void A_spec_gives_its_own_front_end_and_says_so()
    {
        var outcome = Astc.Run("stats", Spec());
        AssertHandled(outcome, 0,
            "front end (tiny.ast): 32 mel bins x 64 frames, hamming window 25 ms / shift 10 ms, audio at its own rate (no resampling), channels downmixed");
        Assert.Contains($"datafile: {tiny.Datafile}", outcome.Out);
        Assert.Contains("4 clips, 8192 values", outcome.Out);
        Assert.DoesNotContain("compiled", outcome.All);
    }

    [Fact]
    public void Verbose_adds_which_generated_class_was_used()
    {
        var outcome = Astc.Run("stats", Spec(), "--verbose");
        AssertHandled(outcome, 0, "tiny.ast changed since the build: generated and compiled");
    }

    [Fact]
    public void Flags_with_a_spec_are_refused()
    {
        AssertHandled(Astc.Run("stats", Spec(), "--mel-bins", "64"), 2,
            "error: --mel-bins and --target-length are for a datafile; tiny.ast sets its own features (edit them there).");
    }

    [Fact]
    public void A_datafile_says_it_used_the_official_defaults()
    {
        var outcome = Astc.Run("stats", tiny.Datafile);
        AssertHandled(outcome, 0,
            "front end (official defaults; pass the spec to use its front end): 128 mel bins x 1024 frames, hanning window 25 ms / shift 10 ms, audio at its own rate (no resampling), first channel");
        Assert.Contains("4 clips, 524288 values", outcome.Out);
    }
}
