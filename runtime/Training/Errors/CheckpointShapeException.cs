using AstDsl.Network;
using AstDsl.Training.Checkpoints;

namespace AstDsl.Training.Errors;

/// <summary>An intact AstDsl checkpoint of another model shape than the one it is loaded into or combined with.</summary>
public sealed class CheckpointShapeException : TrainingException
{
    /// <summary>
    /// Creates the error: <paramref name="path"/> holds <paramref name="stored"/>, but <paramref name="expectedSource"/>
    /// (e.g. "the spec's model") is <paramref name="expected"/>; <paramref name="fix"/> says what to do.
    /// </summary>
    public CheckpointShapeException(string path, AstOptions stored, string expectedSource, AstOptions expected, string fix)
        : base($"checkpoint {path} holds a model of another shape ({ModelShape.Describe(stored)}) than {expectedSource} " +
               $"({ModelShape.Describe(expected)}); the file itself is fine. {fix}")
        => FilePath = path;

    /// <summary>The checkpoint file.</summary>
    public string FilePath { get; }
}
