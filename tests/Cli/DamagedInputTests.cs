using Xunit;

namespace AstDsl.Cli.Tests;

/// <summary>
/// Issue 8's proof: astc infer, eval and check fed damaged inputs end with the right exit code and a clear message,
/// never a stack trace, a crash report or advice to delete a file.
/// </summary>
public sealed class DamagedInputTests(TinyModelFixture tiny) : IClassFixture<TinyModelFixture>
{
    public static TheoryData<string, int, string> AudioCases => new()
    {
        { "dev-zero", 2, "/dev/zero: it is not a regular file (a device, pipe or socket" },
        { "folder", 2, "it is a folder, not a file" },
        { "missing", 2, "missing.wav does not exist" },
        { "empty", 2, "the file is empty (0 bytes)" },
        { "random", 2, "not a WAV file: it starts with" },
        { "truncated-wav", 2, "truncated: the 'data' chunk declares 64000 bytes but only 2956 follow" },
        { "huge-data-size", 2, "the 'data' chunk declares 4294967280 bytes but only 64000 follow" },
        { "huge-riff-size", 0, "class" },
        { "no-samples", 2, "it holds no audio (a valid WAV header with 0 samples)" },
        { "nan", 0, "4000 of 16000 samples (25%) are NaN or infinite" },
    };

    [Theory]
    [MemberData(nameof(AudioCases))]
    public void Infer_reports_damaged_audio(string kind, int exitCode, string message)
    {
        var outcome = Astc.Run("infer", tiny.Checkpoint, tiny.Damaged(kind));
        AssertHandled(outcome, exitCode, message);
    }

    public static TheoryData<string, int, string> CheckpointCases => new()
    {
        { "dev-zero", 2, "/dev/zero cannot be used as an AstDsl checkpoint: it is not a regular file" },
        { "empty", 2, "is not an AstDsl checkpoint: it is an empty file (0 bytes)" },
        { "random", 2, "is not an AstDsl checkpoint: it is not a checkpoint format AstDsl knows (5000 bytes starting with" },
        { "truncated-wav", 2, "is not an AstDsl checkpoint: it is not a checkpoint format AstDsl knows (3000 bytes starting with 52 49 46 46" },
        { "truncated-checkpoint", 2, "is damaged: its SHA-256 checksum does not match its contents" },
        { "altered-checkpoint", 2, "is damaged: its SHA-256 checksum does not match its contents" },
        { "missing", 2, "does not exist; pass a .astckpt file or a run folder" },
    };

    [Theory]
    [MemberData(nameof(CheckpointCases))]
    public void Infer_and_eval_report_unusable_checkpoints(string kind, int exitCode, string message)
    {
        AssertHandled(Astc.Run("infer", tiny.Damaged(kind), tiny.GoodWav), exitCode, message);
        AssertHandled(Astc.Run("eval", tiny.Damaged(kind), tiny.Datafile), exitCode, message);
    }

    [Fact]
    public void A_damaged_checkpoint_is_to_be_moved_aside()
    {
        var outcome = Astc.Run("infer", tiny.Damaged("truncated-checkpoint"), tiny.GoodWav);
        AssertHandled(outcome, 2, "It was probably cut short by a crash or a full disk; move it aside (keep it until you no longer need it) and use another checkpoint of the run.");
    }

    public static TheoryData<string, int, string> DatafileCases => new()
    {
        { "dev-zero", 2, "/dev/zero: it is not a regular file" },
        { "folder", 2, "it is a folder, not a file" },
        { "empty", 2, "damaged-empty" },
        { "random", 2, "random.bin" },
        { "json-garbage", 2, "damaged-json-garbage" },
    };

    [Theory]
    [MemberData(nameof(DatafileCases))]
    public void Eval_reports_damaged_datafiles(string kind, int exitCode, string message) =>
        AssertHandled(Astc.Run("eval", tiny.Checkpoint, tiny.Damaged(kind)), exitCode, message);

    [Fact]
    public void Eval_with_a_label_csv_of_another_class_count_names_both_counts_and_files()
    {
        var outcome = Astc.Run("eval", tiny.Checkpoint, tiny.Datafile, "--labels", tiny.LabelCsv12);
        AssertHandled(outcome, 2,
            $"labels: {tiny.LabelCsv12} lists 12 classes, but the model in {tiny.Checkpoint} has 3 outputs; pass the label CSV it was trained with, " +
            "or leave out --labels to use the 3 labels stored in the checkpoint.");
    }

    [Fact]
    public void Eval_stops_at_an_unreadable_clip_by_default()
    {
        var outcome = Astc.Run("eval", tiny.Checkpoint, tiny.BadDatafile);
        AssertHandled(outcome, 2, $"clip 4 ({tiny.RandomBytes}) could not be read: {tiny.RandomBytes}: at byte 0: not a WAV file");
        Assert.Contains("Evaluation stops at an unreadable clip (on_bad_file = fail, as in astc run)", outcome.Error);
        Assert.Contains("--on-bad-file skip", outcome.Error);
    }

    [Fact]
    public void Eval_skips_unreadable_clips_when_told_and_counts_them()
    {
        var outcome = Astc.Run("eval", tiny.Checkpoint, tiny.BadDatafile, "--on-bad-file", "skip");
        AssertHandled(outcome, 0, "clips: 4 evaluated, 1 unreadable and skipped (metrics leave them out)");
        Assert.Contains($"warning: skipped {tiny.RandomBytes}", outcome.Error);
    }

    [Fact]
    public void Eval_of_good_data_counts_its_clips()
    {
        var outcome = Astc.Run("eval", tiny.Checkpoint, tiny.Datafile, "--labels", tiny.LabelCsv);
        AssertHandled(outcome, 0, "clips: 4 evaluated");
        Assert.Contains("mAP", outcome.Out);
    }

    [Fact]
    public void Infer_on_nan_audio_marks_the_result_unreliable()
    {
        var outcome = Astc.Run("infer", tiny.Checkpoint, tiny.NanWav);
        AssertHandled(outcome, 0, "they were set to 0, so the labels describe a repaired signal and are unreliable");
        Assert.Contains("unreliable)", outcome.Out); // the table title: "nan.wav (1.00 s, unreliable)", wrapped to the table width
    }

    [Fact]
    public void Infer_and_eval_say_when_audio_is_not_at_the_model_rate()
    {
        var infer = Astc.Run("infer", tiny.Checkpoint, tiny.Wav8k);
        AssertHandled(infer, 0, $"{tiny.Wav8k}: it is at 8000 Hz and the model was trained on 16000 Hz audio without resampling");
        Assert.Contains("unreliable)", infer.Out);

        var eval = Astc.Run("eval", tiny.Checkpoint, tiny.Datafile8k, "--labels", tiny.LabelCsv);
        AssertHandled(eval, 0, $"1 of 5 clips of DATAFILE ({tiny.Datafile8k}) are not at features.sample_rate 16000 Hz (e.g. {tiny.Wav8k}: 8000 Hz)");
    }

    public static TheoryData<string> SpecCases => new() { "folder", "missing", "empty", "random", "truncated-wav" };

    [Theory]
    [MemberData(nameof(SpecCases))]
    public void Check_survives_damaged_specs(string kind)
    {
        var outcome = Astc.Run("check", tiny.Damaged(kind));
        Assert.True(outcome.ExitCode is 1 or 2, outcome.ToString());
        AssertNoCrash(outcome);
    }

    /// <summary>Seeded random damage to a good WAV and a good checkpoint: every variant is handled (0 or 2), none crashes.</summary>
    [Fact]
    public void Randomly_damaged_files_never_crash_infer()
    {
        var wav = File.ReadAllBytes(tiny.GoodWav);
        var checkpoint = File.ReadAllBytes(tiny.Checkpoint);
        var random = new Random(8);
        for (var trial = 0; trial < 24; trial++)
        {
            var damagedWav = tiny.File($"mutant{trial}.wav");
            var damagedCheckpoint = tiny.File($"mutant{trial}.astckpt");
            File.WriteAllBytes(damagedWav, Mutate(wav, random, headerBytes: 64));
            File.WriteAllBytes(damagedCheckpoint, Mutate(checkpoint, random, headerBytes: checkpoint.Length));
            var onWav = Astc.Run("infer", tiny.Checkpoint, damagedWav);
            Assert.True(onWav.ExitCode is 0 or 2, onWav.ToString());
            AssertNoCrash(onWav);
            var onCheckpoint = Astc.Run("infer", damagedCheckpoint, tiny.GoodWav);
            Assert.True(onCheckpoint.ExitCode == 2, $"trial {trial}: {onCheckpoint}");
            AssertNoCrash(onCheckpoint);
        }
    }

    // Truncates at a random length or overwrites a few random bytes among the first headerBytes.
    private static byte[] Mutate(byte[] original, Random random, int headerBytes)
    {
        if (random.Next(2) == 0) return original[..random.Next(original.Length)];
        var copy = (byte[])original.Clone();
        for (var i = 0; i < 1 + random.Next(4); i++) copy[random.Next(Math.Min(headerBytes, copy.Length))] = (byte)random.Next(256);
        return copy;
    }

    internal static void AssertHandled(Outcome outcome, int exitCode, string message)
    {
        Assert.True(exitCode == outcome.ExitCode, outcome.ToString());
        Assert.True(outcome.All.Contains(message, StringComparison.Ordinal), $"expected \"{message}\" in\n{outcome}");
        AssertNoCrash(outcome);
    }

    internal static void AssertNoCrash(Outcome outcome)
    {
        Assert.DoesNotContain("   at ", outcome.All);
        Assert.DoesNotContain("failed unexpectedly", outcome.All);
        Assert.DoesNotContain("delete", outcome.All, StringComparison.OrdinalIgnoreCase);
    }
}
