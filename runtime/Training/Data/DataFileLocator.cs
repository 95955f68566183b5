using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;

namespace AstDsl.Training.Data;

/// <summary>Resolves a data path of the spec and makes sure a file is there, naming the spec field when it is not.</summary>
public static class DataFileLocator
{
    /// <summary>The absolute path of <paramref name="path"/> (relative to the spec folder), which must be an existing file.</summary>
    /// <exception cref="DataFileException">Nothing is there, or a folder is.</exception>
    public static string Existing(ExperimentDefinition definition, string path, string setting)
    {
        var full = ExperimentData.Resolve(definition, path);
        if (Directory.Exists(full))
            throw new DataFileException(setting, path, $"{full} is a directory, not a file; point {setting} at the file inside it.");
        if (!File.Exists(full))
            throw new DataFileException(setting, path, $"not found: there is no file {full} (relative paths start at the spec's folder, {definition.SpecDirectory}).");
        return full;
    }
}
