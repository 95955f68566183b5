using AstDsl.Audio.Data;
using AstDsl.Training.Errors;

namespace AstDsl.Training.Evaluation;

/// <summary>Words the failure of an evaluation that stopped at an unreadable clip (on_bad_file = fail) in evaluation terms.</summary>
internal static class UnreadableClips
{
    /// <summary>Runs <paramref name="evaluate"/>; a clip that cannot be read becomes an error naming it and the way to skip such clips.</summary>
    public static T Explain<T>(Func<T> evaluate)
    {
        try
        {
            return evaluate();
        }
        catch (ClipLoadException e)
        {
            throw new TrainingException(
                $"clip {e.Index} ({e.FilePath}) could not be read: {e.InnerException?.Message ?? e.Message} Evaluation stops at an " +
                "unreadable clip (on_bad_file = fail, as in astc run), so that metrics are never computed over part of the data " +
                "unnoticed; fix or remove the file, or leave such clips out and have them counted with --on-bad-file skip.", e);
        }
    }
}
