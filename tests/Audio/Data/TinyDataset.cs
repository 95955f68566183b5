using AstDsl.Audio.Augment;
using AstDsl.Audio.Data;
using AstDsl.Audio.Features;
using AstDsl.Audio.Wav;

namespace AstDsl.Audio.Tests.Data;

/// <summary>
/// A few short tone clips (clip i at <see cref="ToneHz"/>(i), written at <paramref name="rate"/>) with a label CSV and a
/// datafile in a temp folder, and a pipeline to read them (resampling to <paramref name="resampleTo"/> when given).
/// </summary>
internal sealed class TinyDataset : IDisposable
{
    public TinyDataset(int targetLength, int clips = 7, int classes = 3, int rate = 16000, int? resampleTo = null)
    {
        Pipeline = new ClipPipeline(new ClipPipelineOptions { TargetLength = targetLength, SampleRate = resampleTo });
        Labels = Dir.Write("class_labels_indices.csv",
            "index,mid,display_name\n" + string.Concat(Enumerable.Range(0, classes).Select(c => $"{c},/m/c{c},\"class {c}, tone\"\n")));
        var map = LabelMap.Load(Labels);
        var entries = new List<DatafileEntry>();
        for (var i = 0; i < clips; i++)
        {
            var wav = Dir.File($"audio/clip{i}.wav");
            WavWriter.Write(wav, Signals.Tone(ToneHz(i), Seconds(i), rate));
            var mids = i % 4 == 3 ? new[] { $"/m/c{i % classes}", $"/m/c{(i + 1) % classes}" } : new[] { $"/m/c{i % classes}" };
            entries.Add(DatafileEntry.Create(wav, mids, map));
        }
        DatafilePath = Dir.File("data/train.json");
        AstDsl.Audio.Data.Datafile.Save(DatafilePath, entries);
    }

    public static double ToneHz(int clip) => 200 + 150 * clip;

    public static double Seconds(int clip) => 0.3 + 0.05 * clip;

    public TempDir Dir { get; } = new();
    public string Labels { get; }
    public string DatafilePath { get; }
    public ClipPipeline Pipeline { get; }

    public ClipDataset Dataset(ClipRecipe? recipe = null) => ClipDataset.FromFiles(DatafilePath, Labels, Pipeline, recipe);

    public void Dispose()
    {
        Pipeline.Dispose();
        Dir.Dispose();
    }
}
