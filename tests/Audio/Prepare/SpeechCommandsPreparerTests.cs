using AstDsl.Audio.Data;
using AstDsl.Audio.Prepare;
using AstDsl.Audio.Wav;

namespace AstDsl.Audio.Tests.Prepare;

public sealed class SpeechCommandsPreparerTests
{
    private static readonly string[] Words = ["yes", "no", "backward"];

    private static string BuildTree(TempDir dir)
    {
        var root = dir.File("speech_commands_v0.02");
        foreach (var word in Words)
            for (var i = 0; i < 4; i++)
                WavWriter.Write(Path.Combine(root, word, $"spk{i}_nohash_0.wav"), Signals.Tone(200 + i, 0.05));
        WavWriter.Write(Path.Combine(root, "_background_noise_", "white.wav"), Signals.Noise(1, 800));
        dir.Write("speech_commands_v0.02/validation_list.txt", "yes/spk0_nohash_0.wav\nno/spk1_nohash_0.wav\n");
        dir.Write("speech_commands_v0.02/testing_list.txt", "backward/spk2_nohash_0.wav\nyes/spk3_nohash_0.wav\nno/spk3_nohash_0.wav\n");
        return root;
    }

    [Fact]
    public void Splits_by_the_lists_and_puts_everything_else_in_train()
    {
        using var dir = new TempDir();
        var result = SpeechCommandsPreparer.Prepare(BuildTree(dir), dir.File("datafiles"));
        Assert.Equal(3, result.Classes);
        Assert.Equal((7, 2, 3), result.Counts);

        var labels = LabelMap.Load(result.LabelCsv);
        Assert.Equal(new[] { "backward", "no", "yes" }, labels.DisplayNames);
        Assert.Equal("/m/spcmd02", labels.Mids[2]);

        var eval = Datafile.Load(result.Eval, labels);
        Assert.Equal(new[] { 0, 2, 1 }, eval.Select(e => e.LabelIndices[0]));
        var train = Datafile.Load(result.Train, labels);
        Assert.DoesNotContain(train, e => e.Wav.Contains("_background_noise_", StringComparison.Ordinal));
        Assert.DoesNotContain(train, e => e.Wav.EndsWith(Path.Combine("yes", "spk0_nohash_0.wav"), StringComparison.Ordinal));
        Assert.All(train, e => Assert.True(File.Exists(e.Wav)));
    }

    [Fact]
    public void Unknown_list_entries_name_the_list_and_line()
    {
        using var dir = new TempDir();
        var root = BuildTree(dir);
        dir.Write("speech_commands_v0.02/testing_list.txt", "yes/spk3_nohash_0.wav\nmaybe/x.wav\n");
        var e = Assert.Throws<DatasetFormatException>(() => SpeechCommandsPreparer.Prepare(root, dir.File("out")));
        Assert.Equal(2, e.Line);
        Assert.EndsWith("testing_list.txt", e.FilePath);
        dir.Write("speech_commands_v0.02/testing_list.txt", "yes/missing.wav\n");
        Assert.Contains("does not exist", Assert.Throws<DatasetFormatException>(() => SpeechCommandsPreparer.Prepare(root, dir.File("out"))).Message);
    }
}
