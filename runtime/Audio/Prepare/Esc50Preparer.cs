using System.Globalization;
using AstDsl.Audio.Data;
using AstDsl.Audio.Resampling;
using AstDsl.Audio.Wav;

namespace AstDsl.Audio.Prepare;

/// <summary>What <see cref="Esc50Preparer.Prepare"/> wrote.</summary>
/// <param name="LabelCsv">The class list (50 classes for ESC-50).</param>
/// <param name="TrainDatafiles">esc_train_data_{fold}.json, by fold.</param>
/// <param name="EvalDatafiles">esc_eval_data_{fold}.json, by fold.</param>
/// <param name="Clips">Number of clips converted.</param>
public sealed record Esc50Result(string LabelCsv, IReadOnlyList<string> TrainDatafiles, IReadOnlyList<string> EvalDatafiles, int Clips);

/// <summary>
/// The official ESC-50 recipe: every clip resampled to 16 kHz (the official recipe does this with sox before training),
/// one train/eval datafile pair per fold (eval = that fold, train = the others), classes indexed by the 'target' column
/// with mids /m/07rwjNN.
/// </summary>
public static class Esc50Preparer
{
    /// <summary>The official label-file name of the ESC-50 recipe.</summary>
    public const string LabelFileName = "esc_class_labels_indices.csv";

    /// <summary>Reads <c>meta/esc50.csv</c> and <c>audio/</c> under <paramref name="esc50Root"/>, writes everything to <paramref name="outputDir"/>.</summary>
    /// <exception cref="DatasetFormatException">The metadata is malformed or names a missing file (file and line given).</exception>
    public static Esc50Result Prepare(string esc50Root, string outputDir, int sampleRate = 16000, int workers = 0)
    {
        ArgumentNullException.ThrowIfNull(esc50Root);
        ArgumentNullException.ThrowIfNull(outputDir);
        var metaPath = Path.Combine(esc50Root, "meta", "esc50.csv");
        if (!File.Exists(metaPath))
            throw new DatasetFormatException(metaPath, 0, "the ESC-50 metadata file does not exist",
                "Pass the folder that contains meta/esc50.csv and audio/ (the unpacked ESC-50-master).");
        var rows = ReadMeta(metaPath, Path.Combine(esc50Root, "audio"));
        var labels = BuildLabels(rows, metaPath);
        var audioOut = Path.Combine(outputDir, $"audio_{sampleRate / 1000}k");
        Directory.CreateDirectory(audioOut);

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers > 0 ? workers : Environment.ProcessorCount };
        Parallel.ForEach(rows, parallel, row => ConvertClip(row.Source, Path.Combine(audioOut, row.FileName), sampleRate));

        var labelCsv = Path.Combine(outputDir, LabelFileName);
        labels.Save(labelCsv);
        var train = new List<string>();
        var eval = new List<string>();
        foreach (var fold in rows.Select(r => r.Fold).Distinct().Order())
        {
            DatafileEntry Entry(MetaRow r) => DatafileEntry.Create(Path.Combine(audioOut, r.FileName), [labels.Mids[r.Target]], labels);
            var trainPath = Path.Combine(outputDir, $"esc_train_data_{fold}.json");
            var evalPath = Path.Combine(outputDir, $"esc_eval_data_{fold}.json");
            Datafile.Save(trainPath, rows.Where(r => r.Fold != fold).Select(Entry));
            Datafile.Save(evalPath, rows.Where(r => r.Fold == fold).Select(Entry));
            train.Add(trainPath);
            eval.Add(evalPath);
        }
        return new Esc50Result(labelCsv, train, eval, rows.Count);
    }

    private sealed record MetaRow(string FileName, string Source, int Fold, int Target, string Category, int Line);

    private static List<MetaRow> ReadMeta(string metaPath, string audioDir)
    {
        var lines = File.ReadAllLines(metaPath);
        var header = lines.Length > 0 ? CsvLine.Split(lines[0], out _) ?? [] : [];
        int Column(string name) => header.IndexOf(name) is var at and >= 0
            ? at
            : throw new DatasetFormatException(metaPath, 1, $"the header has no '{name}' column",
                "The header must be 'filename,fold,target,category,esc10,src_file,take'.");
        int file = Column("filename"), fold = Column("fold"), target = Column("target"), category = Column("category");
        var rows = new List<MetaRow>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var fields = CsvLine.Split(lines[i], out var error)
                ?? throw new DatasetFormatException(metaPath, i + 1, error!, "Close the quote.");
            if (fields.Count < header.Count)
                throw new DatasetFormatException(metaPath, i + 1, $"{fields.Count} fields where the header has {header.Count}", "Restore the missing columns.");
            if (!int.TryParse(fields[fold], NumberStyles.Integer, CultureInfo.InvariantCulture, out var foldNumber) || foldNumber < 1)
                throw new DatasetFormatException(metaPath, i + 1, $"fold '{fields[fold]}' is not a positive integer", "Folds are numbered 1 to 5.");
            if (!int.TryParse(fields[target], NumberStyles.Integer, CultureInfo.InvariantCulture, out var targetIndex) || targetIndex < 0)
                throw new DatasetFormatException(metaPath, i + 1, $"target '{fields[target]}' is not a class index", "Targets are 0 to 49.");
            var source = Path.Combine(audioDir, fields[file]);
            if (!File.Exists(source))
                throw new DatasetFormatException(metaPath, i + 1, $"the audio file {source} does not exist", "Restore the file or remove its line.");
            rows.Add(new MetaRow(fields[file], source, foldNumber, targetIndex, fields[category], i + 1));
        }
        if (rows.Count == 0)
            throw new DatasetFormatException(metaPath, 0, "the metadata lists no clips", "Use the complete meta/esc50.csv.");
        return rows;
    }

    private static LabelMap BuildLabels(List<MetaRow> rows, string metaPath)
    {
        var count = rows.Max(r => r.Target) + 1;
        var names = new string?[count];
        foreach (var row in rows)
        {
            names[row.Target] ??= row.Category;
            if (names[row.Target] != row.Category)
                throw new DatasetFormatException(metaPath, row.Line,
                    $"target {row.Target} is '{row.Category}' here but '{names[row.Target]}' earlier", "Each target must have one category.");
        }
        var missing = Array.FindIndex(names, n => n == null);
        if (missing >= 0)
            throw new DatasetFormatException(metaPath, 0, $"no clip has target {missing}", $"Targets must cover 0 to {count - 1}.");
        return new LabelMap(Enumerable.Range(0, count).Select(t => "/m/07rwj" + t.ToString("D2", CultureInfo.InvariantCulture)).ToArray(), names!);
    }

    private static void ConvertClip(string source, string destination, int sampleRate)
    {
        var clip = WavReader.Read(source);
        if (clip.SampleRate != sampleRate)
        {
            using var resampler = new SincResampler(clip.SampleRate, sampleRate);
            using var input = clip.ToTensor();
            using var output = resampler.Apply(input);
            clip = AudioClip.FromTensor(output, sampleRate);
        }
        WavWriter.Write(destination, clip);
    }
}
