using AstDsl.Training.Evaluation;

namespace AstDsl.Training.Checkpoints;

/// <summary>
/// The one entry every command that takes a model goes through: an AstDsl <c>.astckpt</c>, a run folder (its best
/// weights), or a released checkpoint (official AST <c>.pth</c>/<c>.safetensors</c>, Hugging Face folder) imported on
/// the fly. The kind is recognised by content, not by file name.
/// </summary>
public static class ModelSource
{
    /// <summary>The model stored at <paramref name="path"/>; <paramref name="import"/> fills in what a released checkpoint does not store.</summary>
    public static LoadedCheckpoint Load(string path, ModelImportOptions? import = null)
    {
        if (!CheckpointImport.CanImport(path)) return TrainingCheckpoint.Load(ModelEvaluator.ResolveCheckpoint(path));
        using var imported = CheckpointImport.Import(path, import);
        return TrainingCheckpoint.InMemory(Path.GetFullPath(path), imported.Model, imported.Metadata);
    }
}
