using System.Globalization;
using AstDsl.Audio.Data;

namespace AstDsl.Audio.Prepare;

/// <summary>What <see cref="SpeechCommandsPreparer.Prepare"/> wrote.</summary>
/// <param name="LabelCsv">The class list.</param>
/// <param name="Train">speechcommand_train_data.json.</param>
/// <param name="Valid">speechcommand_valid_data.json (validation_list.txt).</param>
/// <param name="Eval">speechcommand_eval_data.json (testing_list.txt).</param>
/// <param name="Classes">Number of classes (35 for Speech Commands V2).</param>
/// <param name="Counts">Clips in train, valid and eval.</param>
public sealed record SpeechCommandsResult(string LabelCsv, string Train, string Valid, string Eval, int Classes, (int Train, int Valid, int Eval) Counts);

/// <summary>
/// The official Speech Commands V2 recipe: classes are the word folders (not _background_noise_), in ordinal order with
/// mids /m/spcmdNN; validation_list.txt and testing_list.txt give the valid and eval splits, every other clip is train.
/// The 16 kHz WAVs are used in place.
/// </summary>
public static class SpeechCommandsPreparer
{
    /// <summary>The official label-file name of the Speech Commands recipe.</summary>
    public const string LabelFileName = "speechcommands_class_labels_indices.csv";

    /// <summary>Reads the unpacked dataset under <paramref name="root"/> and writes the datafiles to <paramref name="outputDir"/>.</summary>
    /// <exception cref="DatasetFormatException">A split list is missing or names an unknown clip (file and line given).</exception>
    public static SpeechCommandsResult Prepare(string root, string outputDir)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(outputDir);
        var words = Directory.GetDirectories(root)
            .Select(Path.GetFileName)
            .Where(n => n != null && !n.StartsWith('_') && Directory.EnumerateFiles(Path.Combine(root, n), "*.wav").Any())
            .Select(n => n!)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (words.Length == 0)
            throw new DatasetFormatException(root, 0, "no word folders with WAV files", "Pass the folder of the unpacked speech_commands_v0.02 archive.");
        var labels = new LabelMap(
            words.Select((_, i) => "/m/spcmd" + i.ToString("D2", CultureInfo.InvariantCulture)).ToArray(), words);

        var valid = ReadList(Path.Combine(root, "validation_list.txt"), root, words);
        var eval = ReadList(Path.Combine(root, "testing_list.txt"), root, words);
        var heldOut = new HashSet<string>(valid.Concat(eval), StringComparer.Ordinal);
        var train = words
            .SelectMany(w => Directory.EnumerateFiles(Path.Combine(root, w), "*.wav").Select(f => w + "/" + Path.GetFileName(f)))
            .Order(StringComparer.Ordinal)
            .Where(r => !heldOut.Contains(r))
            .ToList();

        DatafileEntry Entry(string relative)
        {
            var index = Array.IndexOf(words, relative[..relative.IndexOf('/', StringComparison.Ordinal)]);
            return new DatafileEntry(Path.Combine(root, relative), [labels.Mids[index]], [index]);
        }
        var result = new SpeechCommandsResult(
            Path.Combine(outputDir, LabelFileName),
            Path.Combine(outputDir, "speechcommand_train_data.json"),
            Path.Combine(outputDir, "speechcommand_valid_data.json"),
            Path.Combine(outputDir, "speechcommand_eval_data.json"),
            words.Length,
            (train.Count, valid.Count, eval.Count));
        labels.Save(result.LabelCsv);
        Datafile.Save(result.Train, train.Select(Entry));
        Datafile.Save(result.Valid, valid.Select(Entry));
        Datafile.Save(result.Eval, eval.Select(Entry));
        return result;
    }

    // Lines are "word/file.wav", relative to the dataset root.
    private static List<string> ReadList(string path, string root, string[] words)
    {
        if (!File.Exists(path))
            throw new DatasetFormatException(path, 0, "the split list does not exist", "Both validation_list.txt and testing_list.txt ship with the dataset.");
        var entries = new List<string>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim().Replace('\\', '/');
            if (line.Length == 0) continue;
            var slash = line.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || Array.IndexOf(words, line[..slash]) < 0)
                throw new DatasetFormatException(path, lineNumber, $"'{line}' does not start with a word folder",
                    "Lines must look like 'yes/0a7c2a8d_nohash_0.wav'.");
            if (!File.Exists(Path.Combine(root, line)))
                throw new DatasetFormatException(path, lineNumber, $"'{line}' does not exist under {root}", "Restore the clip or remove the line.");
            entries.Add(line);
        }
        return entries;
    }
}
