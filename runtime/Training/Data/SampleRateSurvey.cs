using AstDsl.Audio.Data;
using AstDsl.Audio.Wav;
using AstDsl.Training.Experiments;

namespace AstDsl.Training.Data;

/// <summary>
/// Looks at the WAV headers of a dataset before training: clips not at features.sample_rate are used at their own rate
/// when resampling is off (as the official code does), which silently changes their frames and mel scale.
/// </summary>
public static class SampleRateSurvey
{
    /// <summary>At most this many clips are read, spread evenly over the datafile, so huge datasets start quickly.</summary>
    public const int MaxClips = 2000;

    /// <summary>One warning for the dataset, or null when every clip checked is at the spec's rate or resampling is on.</summary>
    public static string? Warn(FeatureSettings features, IReadOnlyList<DatafileEntry> entries, string setting, string datafile)
    {
        if (features.Resample || entries.Count == 0) return null;
        var step = Math.Max(1, entries.Count / MaxClips);
        var checkedClips = 0;
        var odd = new List<(string Path, int Rate)>();
        for (var i = 0; i < entries.Count; i += step)
        {
            checkedClips++;
            if (WavHeader.SampleRate(entries[i].Wav) is { } rate && rate != features.SampleRate) odd.Add((entries[i].Wav, rate));
        }
        if (odd.Count == 0) return null;
        var scope = checkedClips == entries.Count ? $"{odd.Count} of {entries.Count} clips" : $"{odd.Count} of {checkedClips} clips checked (of {entries.Count})";
        return $"{scope} of {setting} ({datafile}) are not at features.sample_rate {features.SampleRate} Hz (e.g. {odd[0].Path}: {odd[0].Rate} Hz); " +
               "they are used at their own rate, which changes their frames and mel scale. Set `resample = on` in the features block to resample them.";
    }
}
