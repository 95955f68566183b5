namespace AstDsl.Training.Errors;

/// <summary>Base of every error the training runtime raises on purpose; the message says what to do.</summary>
public class TrainingException : Exception
{
    /// <summary>Creates the error.</summary>
    public TrainingException(string message, Exception? inner = null) : base(message, inner) { }
}
