using AstDsl.Audio.Data;
using AstDsl.Audio.Prepare;
using AstDsl.Audio.Wav;

namespace AstDsl.Audio.Tests.Prepare;

public sealed class Esc50PreparerTests
{
    private static string BuildTree(TempDir dir, int clips = 10)
    {
        var root = dir.File("ESC-50-master");
        var meta = "filename,fold,target,category,esc10,src_file,take\n";
        for (var i = 0; i < clips; i++)
        {
            var name = $"{i % 5 + 1}-{1000 + i}-A-{i % 3}.wav";
            WavWriter.Write(Path.Combine(root, "audio", name), Signals.Tone(300 + 20 * i, 0.2, 44100));
            meta += $"{name},{i % 5 + 1},{i % 3},{new[] { "dog", "rain", "door_wood_knock" }[i % 3]},False,100{i},A\n";
        }
        dir.Write("ESC-50-master/meta/esc50.csv", meta);
        return root;
    }

    [Fact]
    public void Writes_16k_audio_per_fold_datafiles_and_the_label_csv()
    {
        using var dir = new TempDir();
        var result = Esc50Preparer.Prepare(BuildTree(dir), dir.File("out"));
        Assert.Equal(10, result.Clips);
        Assert.Equal(5, result.TrainDatafiles.Count);
        Assert.EndsWith("esc_train_data_1.json", result.TrainDatafiles[0]);
        Assert.EndsWith("esc_eval_data_5.json", result.EvalDatafiles[4]);

        var labels = LabelMap.Load(result.LabelCsv);
        Assert.Equal(new[] { "/m/07rwj00", "/m/07rwj01", "/m/07rwj02" }, labels.Mids);
        Assert.Equal("door_wood_knock", labels.DisplayNames[2]);

        var eval = Datafile.Load(result.EvalDatafiles[1], labels);
        var train = Datafile.Load(result.TrainDatafiles[1], labels);
        Assert.Equal(2, eval.Count);
        Assert.Equal(8, train.Count);
        Assert.All(eval, e => Assert.StartsWith("2-", Path.GetFileName(e.Wav)));
        Assert.Empty(train.Select(e => e.Wav).Intersect(eval.Select(e => e.Wav)));

        var clip = WavReader.Read(eval[0].Wav);
        Assert.Equal(16000, clip.SampleRate);
        Assert.Equal(3200, clip.Frames);
    }

    [Fact]
    public void Missing_audio_is_reported_with_the_metadata_line()
    {
        using var dir = new TempDir();
        var root = BuildTree(dir);
        File.Delete(Path.Combine(root, "audio", "4-1003-A-0.wav"));
        var e = Assert.Throws<DatasetFormatException>(() => Esc50Preparer.Prepare(root, dir.File("out")));
        Assert.Equal(5, e.Line);
        Assert.Contains("4-1003-A-0.wav does not exist", e.Message);
    }

    [Fact]
    public void Bad_fold_and_missing_metadata_are_reported()
    {
        using var dir = new TempDir();
        var root = BuildTree(dir, 3);
        dir.Write("ESC-50-master/meta/esc50.csv", "filename,fold,target,category,esc10,src_file,take\n1-1000-A-0.wav,x,0,dog,False,1,A\n");
        var e = Assert.Throws<DatasetFormatException>(() => Esc50Preparer.Prepare(root, dir.File("out")));
        Assert.Equal(2, e.Line);
        Assert.Contains("fold 'x'", e.Message);
        Assert.Contains("meta/esc50.csv", Assert.Throws<DatasetFormatException>(() => Esc50Preparer.Prepare(dir.File("nowhere"), dir.File("out"))).Message);
    }
}
