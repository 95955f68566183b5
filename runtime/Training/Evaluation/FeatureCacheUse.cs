namespace AstDsl.Training.Evaluation;

/// <summary>How an evaluation used a feature cache.</summary>
/// <param name="Folder">The cache folder (absolute).</param>
/// <param name="Hits">Clips whose fbank was read from it.</param>
/// <param name="Misses">Clips whose fbank was computed (and stored, if the folder could be written).</param>
public sealed record FeatureCacheUse(string Folder, long Hits, long Misses);
