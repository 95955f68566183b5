using AstDsl.Audio.Data;
using AstDsl.Audio.Wav;

namespace AstDsl.Audio.Tests.Data;

/// <summary>A few short tone clips with a label CSV and a datafile in a temp folder.</summary>
internal sealed class TinyDataset : IDisposable
{
    public TinyDataset(int clips = 7, int classes = 3)
    {
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

    public void Dispose() => Dir.Dispose();
}
