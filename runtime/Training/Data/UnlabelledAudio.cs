using AstDsl.Audio.Data;
using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;

namespace AstDsl.Training.Data;

/// <summary>
/// The clips of a pretraining spec's data field: a datafile read without a label CSV, or every audio file
/// (wav, flac, ogg, mp3) under a folder, named with a trailing <c>/</c>, in a fixed (ordinal) order.
/// </summary>
public static class UnlabelledAudio
{
    /// <summary>Extensions taken from a folder, those the audio decoder reads.</summary>
    public static readonly IReadOnlyList<string> Extensions = new[] { ".wav", ".flac", ".ogg", ".mp3" };

    /// <summary>The entries <paramref name="path"/> (relative to the spec folder) names for the field <paramref name="setting"/>.</summary>
    /// <exception cref="DataFileException">The file or folder does not exist, or the folder holds no audio.</exception>
    public static IReadOnlyList<DatafileEntry> Entries(ExperimentDefinition definition, string path, string setting)
    {
        if (!path.EndsWith("/", StringComparison.Ordinal))
            return Datafile.LoadUnlabelled(DataFileLocator.Existing(definition, path, setting));
        var folder = ExperimentData.Resolve(definition, path);
        if (!Directory.Exists(folder))
            throw new DataFileException(setting, path, $"not found: there is no folder {folder} (relative paths start at the spec's folder, {definition.SpecDirectory}).");
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(file => Extensions.Contains(Path.GetExtension(file).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .Select(file => new DatafileEntry(file, Array.Empty<string>(), Array.Empty<int>()))
            .ToArray();
        if (files.Length == 0)
            throw new DataFileException(setting, path, $"{folder} holds no audio files ({string.Join(", ", Extensions)}); point {setting} at a folder of clips or a datafile.");
        return files;
    }
}
