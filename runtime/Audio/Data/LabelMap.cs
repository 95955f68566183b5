using System.Globalization;
using System.Text;

namespace AstDsl.Audio.Data;

/// <summary>
/// The class list of a dataset, read from the official <c>class_labels_indices.csv</c> (<c>index,mid,display_name</c>,
/// display names optionally quoted). Label strings in datafiles are mids (e.g. <c>/m/09x0r</c>).
/// </summary>
public sealed class LabelMap
{
    private readonly Dictionary<string, int> _indexByMid;

    /// <summary>Builds a map from mids and display names given in index order.</summary>
    public LabelMap(IReadOnlyList<string> mids, IReadOnlyList<string> displayNames)
    {
        ArgumentNullException.ThrowIfNull(mids);
        ArgumentNullException.ThrowIfNull(displayNames);
        if (mids.Count != displayNames.Count)
            throw new ArgumentException($"{mids.Count} mids but {displayNames.Count} display names");
        _indexByMid = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < mids.Count; i++)
            if (!_indexByMid.TryAdd(mids[i], i))
                throw new ArgumentException($"mid '{mids[i]}' occurs twice (indices {_indexByMid[mids[i]]} and {i})");
        Mids = mids.ToArray();
        DisplayNames = displayNames.ToArray();
    }

    /// <summary>Number of classes.</summary>
    public int Count => Mids.Count;

    /// <summary>Mid of each class, by index.</summary>
    public IReadOnlyList<string> Mids { get; }

    /// <summary>Human-readable name of each class, by index.</summary>
    public IReadOnlyList<string> DisplayNames { get; }

    /// <summary>The index of <paramref name="mid"/>, or false when it is not a class of this map.</summary>
    public bool TryGetIndex(string mid, out int index) => _indexByMid.TryGetValue(mid, out index);

    // As File.ReadAllLines: byte order mark detected, \n, \r\n and \r all end a line.
    private static string[] Lines(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return lines.ToArray();
    }

    /// <summary>The largest label CSV read (AudioSet's 527 classes take 15 KB).</summary>
    public const long MaxFileBytes = 64L << 20;

    /// <summary>Reads a <c>class_labels_indices.csv</c> file.</summary>
    /// <exception cref="DatasetFormatException">Missing columns, unbalanced quotes, bad or duplicate indices.</exception>
    public static LabelMap Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var lines = Lines(InputFile.ReadAllBytes(path, MaxFileBytes,
            problem => new DatasetFormatException(path, 0, problem, "Pass a class_labels_indices.csv with the header 'index,mid,display_name'.")));
        if (lines.Length == 0 || lines[0].Trim().Length == 0)
            throw new DatasetFormatException(path, 1, "the file is empty", "Write the header 'index,mid,display_name' and one line per class.");
        var header = Fields(path, 1, lines[0]);
        int Column(string name)
        {
            var at = header.FindIndex(h => string.Equals(h.Trim('\uFEFF', ' '), name, StringComparison.OrdinalIgnoreCase));
            if (at < 0)
                throw new DatasetFormatException(path, 1, $"the header has no '{name}' column (found: {string.Join(", ", header)})",
                    "The header must be 'index,mid,display_name'.");
            return at;
        }
        int indexColumn = Column("index"), midColumn = Column("mid"), nameColumn = Column("display_name");

        var rows = new List<(int Index, string Mid, string Name, int Line)>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var fields = Fields(path, i + 1, lines[i]);
            if (fields.Count < header.Count)
                throw new DatasetFormatException(path, i + 1, $"{fields.Count} fields where the header has {header.Count}",
                    "Quote display names that contain commas.");
            if (!int.TryParse(fields[indexColumn], NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) || index < 0)
                throw new DatasetFormatException(path, i + 1, $"index '{fields[indexColumn]}' is not a non-negative integer",
                    "The first column must be the class index 0, 1, 2, ...");
            rows.Add((index, fields[midColumn], fields[nameColumn], i + 1));
        }
        var mids = new string[rows.Count];
        var names = new string[rows.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (index, mid, name, line) in rows)
        {
            if (index >= rows.Count)
                throw new DatasetFormatException(path, line, $"index {index} is out of range for {rows.Count} classes",
                    "Indices must run from 0 to the number of classes - 1 without gaps.");
            if (mids[index] != null)
                throw new DatasetFormatException(path, line, $"index {index} is used twice", "Give every class its own index.");
            if (mid.Length == 0)
                throw new DatasetFormatException(path, line, "the mid is empty", "Every class needs a mid (the label string used in datafiles).");
            if (!seen.TryAdd(mid, line))
                throw new DatasetFormatException(path, line, $"mid '{mid}' already appears on line {seen[mid]}", "Every class needs a distinct mid.");
            mids[index] = mid;
            names[index] = name;
        }
        return new LabelMap(mids, names);
    }

    /// <summary>Writes the map as <c>index,mid,display_name</c>, quoting display names.</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = new StringBuilder("index,mid,display_name\n");
        for (var i = 0; i < Count; i++)
            text.Append(CultureInfo.InvariantCulture, $"{i},{CsvLine.Quote(Mids[i])},\"{DisplayNames[i].Replace("\"", "\"\"")}\"\n");
        FileOutput.WriteAllText(path, text.ToString());
    }

    private static List<string> Fields(string path, int line, string text) =>
        CsvLine.Split(text, out var error) ?? throw new DatasetFormatException(path, line, error!, "Close the quote or escape it as \"\".");
}
