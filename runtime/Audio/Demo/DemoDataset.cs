using AstDsl.Audio.Data;
using AstDsl.Audio.Wav;

namespace AstDsl.Audio.Demo;

/// <summary>What <see cref="DemoDataset.Write"/> produced.</summary>
/// <param name="Train">train.json.</param>
/// <param name="Eval">eval.json.</param>
/// <param name="LabelCsv">class_labels_indices.csv.</param>
/// <param name="TrainClips">Clips in train.json.</param>
/// <param name="EvalClips">Clips in eval.json.</param>
public sealed record DemoDatasetResult(string Train, string Eval, string LabelCsv, int TrainClips, int EvalClips);

/// <summary>
/// A deterministic, procedurally synthesised multi-label sound-event dataset in the official format: 16 kHz 16-bit WAV
/// clips of 2-5 s, each with 1-3 events from <see cref="DemoEventClass"/> over background noise. Several classes share
/// their long-term spectrum and differ only in temporal structure, so it takes a model that looks at time to solve it.
/// </summary>
public static class DemoDataset
{
    /// <summary>Writes audio/train, audio/eval, train.json, eval.json and class_labels_indices.csv into <paramref name="dir"/>.</summary>
    /// <param name="dir">Destination folder (created if needed).</param>
    /// <param name="seed">Same seed, same bytes.</param>
    /// <param name="options">Sizes; 600 train and 200 eval clips by default.</param>
    public static DemoDatasetResult Write(string dir, int seed = 0, DemoOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dir);
        options ??= new DemoOptions();
        options.Validate();
        var classes = Enum.GetValues<DemoEventClass>();
        var labels = new LabelMap(classes.Select(c => c.Mid()).ToArray(), classes.Select(c => c.DisplayName()).ToArray());
        var result = new DemoDatasetResult(
            Path.Combine(dir, "train.json"), Path.Combine(dir, "eval.json"), Path.Combine(dir, "class_labels_indices.csv"),
            options.TrainClips, options.EvalClips);
        labels.Save(result.LabelCsv);
        Datafile.Save(result.Train, WriteSplit(dir, "train", 0, options.TrainClips, seed, options, labels));
        Datafile.Save(result.Eval, WriteSplit(dir, "eval", 1, options.EvalClips, seed, options, labels));
        return result;
    }

    private static DatafileEntry[] WriteSplit(string dir, string split, int splitId, int count, int seed, DemoOptions options, LabelMap labels)
    {
        var entries = new DatafileEntry[count];
        Parallel.For(0, count, i =>
        {
            var rng = new Random(SeedMixer.Derive(seed, splitId, i));
            var (samples, events) = DemoClipComposer.Compose(options, rng);
            var path = Path.Combine(dir, "audio", split, $"{split}_{i:D4}.wav");
            WavWriter.Write(path, new AudioClip(samples, 1, options.SampleRate));
            entries[i] = DatafileEntry.Create(path, events.Select(e => e.Mid()).ToArray(), labels);
        });
        return entries;
    }
}
