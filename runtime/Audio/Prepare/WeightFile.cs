using AstDsl.Audio.Data;

namespace AstDsl.Audio.Prepare;

/// <summary>The official gen_weight_file: balanced-sampling weights of a datafile, written beside it.</summary>
public static class WeightFile
{
    /// <summary>
    /// Writes <c>{datafile without .json}_weight.csv</c> with <see cref="SampleWeights.Balanced"/> and returns its path.
    /// </summary>
    public static string Generate(string datafile, string labelCsv)
    {
        ArgumentNullException.ThrowIfNull(datafile);
        var labels = LabelMap.Load(labelCsv);
        var entries = Datafile.Load(datafile, labels);
        var stem = datafile.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? datafile[..^5] : datafile;
        var path = stem + "_weight.csv";
        SampleWeights.Save(path, SampleWeights.Balanced(entries, labels.Count));
        return path;
    }
}
