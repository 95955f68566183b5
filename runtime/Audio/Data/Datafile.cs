using System.Text;
using System.Text.Json;

namespace AstDsl.Audio.Data;

/// <summary>
/// The official datafile format: <c>{"data": [{"wav": "path", "labels": "mid1,mid2"}, ...]}</c>. Relative wav paths are
/// relative to the JSON file's folder; other fields of an entry (video_id, ...) are ignored.
/// </summary>
public static class Datafile
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads a datafile and resolves every label against <paramref name="labels"/>.</summary>
    /// <exception cref="DatasetFormatException">Malformed JSON, a missing field, or an unknown label (names file and line).</exception>
    public static IReadOnlyList<DatafileEntry> Load(string path, LabelMap labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return Read(path, labels);
    }

    /// <summary>
    /// Reads a datafile without a label CSV (e.g. for normalisation statistics): entries keep their mids but have no
    /// label indices.
    /// </summary>
    /// <exception cref="DatasetFormatException">Malformed JSON or a missing field (names file and line).</exception>
    public static IReadOnlyList<DatafileEntry> LoadUnlabelled(string path) => Read(path, null);

    private static IReadOnlyList<DatafileEntry> Read(string path, LabelMap? labels)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = InputFile.ReadAllBytes(path, InputFile.OneGiB,
            problem => new DatasetFormatException(path, 0, problem, "Pass a datafile in the official JSON format {\"data\": [...]}."));
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var lines = new LineIndex(bytes);
        var entries = new List<DatafileEntry>();
        var reader = new Utf8JsonReader(bytes, ReaderOptions);
        try
        {
            Expect(ref reader, JsonTokenType.StartObject, path, lines, "the file must be a JSON object {\"data\": [...]}");
            var sawData = false;
            while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("data"u8))
                {
                    Next(ref reader);
                    reader.Skip();
                    continue;
                }
                sawData = true;
                Expect(ref reader, JsonTokenType.StartArray, path, lines, "\"data\" must be an array of entries");
                while (Next(ref reader) && reader.TokenType != JsonTokenType.EndArray)
                    entries.Add(ReadEntry(ref reader, path, folder, lines, labels, entries.Count));
            }
            if (!sawData)
                throw new DatasetFormatException(path, 0, "there is no \"data\" array", "The file must look like {\"data\": [{\"wav\": ..., \"labels\": ...}]}.");
        }
        catch (JsonException e)
        {
            throw new DatasetFormatException(path, (int)(e.LineNumber ?? -1) + 1, "invalid JSON: " + e.Message, "Fix the JSON syntax.", e);
        }
        return entries;
    }

    /// <summary>Writes entries as an official datafile, with wav paths relative to the JSON file's folder.</summary>
    public static void Save(string path, IEnumerable<DatafileEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(entries);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("data");
            foreach (var entry in entries)
            {
                writer.WriteStartObject();
                writer.WriteString("wav", Path.GetRelativePath(folder, Path.GetFullPath(entry.Wav)).Replace('\\', '/'));
                writer.WriteString("labels", string.Join(',', entry.Mids));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        FileOutput.WriteAllText(path, Encoding.UTF8.GetString(buffer.ToArray()) + "\n");
    }

    private static DatafileEntry ReadEntry(ref Utf8JsonReader reader, string path, string folder, LineIndex lines, LabelMap? labels, int ordinal)
    {
        var line = lines.LineOf(reader.TokenStartIndex);
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new DatasetFormatException(path, line, $"entry {ordinal} is a {reader.TokenType}, not an object", "Each entry must be {\"wav\": ..., \"labels\": ...}.");
        string? wav = null, labelText = null;
        while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isWav = reader.ValueTextEquals("wav"u8);
            var isLabels = reader.ValueTextEquals("labels"u8);
            Next(ref reader);
            if (!isWav && !isLabels)
            {
                reader.Skip();
                continue;
            }
            if (reader.TokenType != JsonTokenType.String)
                throw new DatasetFormatException(path, lines.LineOf(reader.TokenStartIndex),
                    $"entry {ordinal}: \"{(isWav ? "wav" : "labels")}\" must be a string", "Write it in double quotes.");
            if (isWav) wav = reader.GetString();
            else labelText = reader.GetString();
        }
        if (string.IsNullOrWhiteSpace(wav))
            throw new DatasetFormatException(path, line, $"entry {ordinal} has no \"wav\" path", "Add \"wav\": \"path/to/clip.wav\".");
        if (string.IsNullOrWhiteSpace(labelText))
            throw new DatasetFormatException(path, line, $"entry {ordinal} ({wav}) has no \"labels\"", "Add \"labels\": \"mid1,mid2\" with mids from the label CSV.");
        var mids = labelText.Split(',', StringSplitOptions.TrimEntries);
        var indices = new int[labels == null ? 0 : mids.Length];
        for (var i = 0; i < indices.Length; i++)
            if (!labels!.TryGetIndex(mids[i], out indices[i]))
                throw new DatasetFormatException(path, line, $"entry {ordinal} ({wav}) has label '{mids[i]}', which the label CSV does not define",
                    "Use a mid from the label CSV's 'mid' column, or add the class there.");
        return new DatafileEntry(Path.GetFullPath(Path.Combine(folder, wav)), mids, indices);
    }

    private static bool Next(ref Utf8JsonReader reader) => reader.Read();

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string path, LineIndex lines, string what)
    {
        if (!reader.Read() || reader.TokenType != type)
            throw new DatasetFormatException(path, reader.TokenType == JsonTokenType.None ? 1 : lines.LineOf(reader.TokenStartIndex), what, "See the official datafile format.");
    }

    // Maps byte offsets to 1-based line numbers for error messages.
    private sealed class LineIndex(byte[] bytes)
    {
        private readonly int[] _starts = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] == (byte)'\n').Select(i => i + 1).Prepend(0).ToArray();

        public int LineOf(long offset)
        {
            var at = Array.BinarySearch(_starts, (int)offset);
            return (at >= 0 ? at : ~at - 1) + 1;
        }
    }
}
