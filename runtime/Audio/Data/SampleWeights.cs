using System.Globalization;
using System.Text;

namespace AstDsl.Audio.Data;

/// <summary>
/// Per-clip sampling weights for balanced sampling: the official <c>*_weight.csv</c> (one number per line, numpy savetxt).
/// </summary>
public static class SampleWeights
{
    /// <summary>
    /// The official gen_weight_file: each class weighs 1000 / (its clip count + 0.01); a clip weighs the sum over its
    /// labels. Rare classes are drawn as often as common ones.
    /// </summary>
    public static double[] Balanced(IReadOnlyList<DatafileEntry> entries, int classCount)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var counts = new double[classCount];
        foreach (var entry in entries)
            foreach (var label in entry.LabelIndices)
                counts[label] += 1;
        var classWeight = counts.Select(c => 1000.0 / (c + 0.01)).ToArray();
        return entries.Select(e => e.LabelIndices.Sum(l => classWeight[l])).ToArray();
    }

    /// <summary>Reads a weights file: one non-negative finite number per line.</summary>
    /// <exception cref="DatasetFormatException">A line is not such a number (names file and line).</exception>
    public static double[] Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var weights = new List<double>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            if (!double.TryParse(line, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !double.IsFinite(w) || w < 0)
                throw new DatasetFormatException(path, lineNumber, $"'{line}' is not a non-negative number",
                    "A weights file has one number per line, one line per datafile entry.");
            weights.Add(w);
        }
        return weights.ToArray();
    }

    /// <summary>Writes weights in numpy's savetxt format (%.18e), one per line.</summary>
    public static void Save(string path, IEnumerable<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var text = new StringBuilder();
        foreach (var w in weights)
            text.Append(NumpyExponent(w)).Append('\n');
        FileOutput.WriteAllText(path, text.ToString());
    }

    // .NET writes "e+002" with exact digits; numpy writes at least two exponent digits ("e+02").
    private static string NumpyExponent(double w)
    {
        var text = w.ToString("e18", CultureInfo.InvariantCulture);
        var e = text.LastIndexOf('e') + 2;
        var digits = text[e..].TrimStart('0').PadLeft(2, '0');
        return text[..e] + digits;
    }
}
