using AstDsl.Training.Experiments;
using AstDsl.Training.Runs;
using AstDsl.Training.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AstDsl.Training.Data;

/// <summary>
/// Where the feature cache of a spec or of a finished run lives: <c>features.cache</c> taken from the spec's folder when
/// relative. <c>astc run</c>, <c>astc eval</c> and <c>astc cache</c> all ask here, so they agree on the folder.
/// </summary>
public static class FeatureCacheLocation
{
    /// <summary>The cache folder of <paramref name="definition"/> (absolute), or null when its cache is off.</summary>
    public static string? Of(ExperimentDefinition definition) =>
        definition.Features.Cache is { } folder ? ExperimentData.Resolve(definition.SpecDirectory, folder) : null;

    /// <summary>
    /// The cache folder recorded in the spec.yaml of the run in <paramref name="runDirectory"/> (absolute), or null when
    /// that run had the cache off or the folder is not a run.
    /// </summary>
    /// <exception cref="RunDirectoryException">The run's spec.yaml is not YAML.</exception>
    public static string? OfRun(string runDirectory)
    {
        var specFile = Path.Combine(runDirectory, RunDirectory.SpecFileName);
        if (!File.Exists(specFile)) return null;
        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(specFile);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new RunDirectoryException(runDirectory, $"has a {RunDirectory.SpecFileName} that is not valid YAML ({e.Message}); restore it, or pass a checkpoint kept outside the run.");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return null;
        var cache = Scalar(root, "features", "cache");
        var spec = Scalar(root, "spec");
        if (string.IsNullOrEmpty(cache) || string.IsNullOrEmpty(spec)) return null;
        return ExperimentData.Resolve(Path.GetDirectoryName(Path.GetFullPath(spec))!, cache);
    }

    /// <summary>The cache folder of the run that wrote <paramref name="checkpoint"/> (kept in its checkpoints folder), or null.</summary>
    public static string? OfCheckpoint(string checkpoint) => RunDirectory.Holding(checkpoint) is { } run ? OfRun(run.Path) : null;

    private static string? Scalar(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out current!)) return null;
        return (current as YamlScalarNode)?.Value;
    }
}
