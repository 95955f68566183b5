using AstDsl.Audio.Augment;
using AstDsl.Audio.Data;
using AstDsl.Audio.Features;
using AstDsl.Audio.Wav;

namespace AstDsl.Audio.Tests.Data;

/// <summary>A few short tone clips with a label CSV and a datafile in a temp folder, and a pipeline to read them.</summary>
internal sealed class TinyDataset : IDisposable
{
    public TinyDataset(int targetLength, int clips = 7, int classes = 3)
    {
        Pipeline = new ClipPipeline(new ClipPipelineOptions { TargetLength = targetLength });
        Labels = Dir.Write("class_labels_indices.csv",
            "index,mid,display_name\n" + string.Concat(Enumerable.Range(0, classes).Select(c => $"{c},/m/c{c},\"class {c}, tone\"\n")));
        var map = LabelMap.Load(Labels);
        var entries = new List<DatafileEntry>();
        for (var i = 0; i < clips; i++)
        {
            var wav = Dir.File($"audio/clip{i}.wav");
            WavWriter.Write(wav, Signals.Tone(200 + 150 * i, 0.3 + 0.05 * i));
            var mids = i % 4 == 3 ? new[] { $"/m/c{i % classes}", $"/m/c{(i + 1) % classes}" } : new[] { $"/m/c{i % classes}" };
            entries.Add(DatafileEntry.Create(wav, mids, map));
        }
        DatafilePath = Dir.File("data/train.json");
        AstDsl.Audio.Data.Datafile.Save(DatafilePath, entries);
    }

    public TempDir Dir { get; } = new();
    public string Labels { get; }
    public string DatafilePath { get; }
    public ClipPipeline Pipeline { get; }

    public ClipDataset Dataset(AugmentOptions? augment = null) => ClipDataset.FromFiles(DatafilePath, Labels, Pipeline, augment);

    public void Dispose()
    {
        Pipeline.Dispose();
        Dir.Dispose();
    }
}
