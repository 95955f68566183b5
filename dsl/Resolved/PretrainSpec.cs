namespace AstDsl.Dsl.Resolved;

/// <summary>Initial weights.</summary>
/// <param name="Kind">none, imagenet or audioset.</param>
/// <param name="CheckpointPath">Checkpoint path as written (relative to the spec's folder), null for none.</param>
public sealed record PretrainSpec(string Kind, string? CheckpointPath);
