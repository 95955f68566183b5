namespace AstDsl.Training.Errors;

/// <summary>Experiment settings that cannot be run (unknown optimiser or metric, inconsistent shapes, missing fold placeholder).</summary>
public sealed class TrainingConfigurationException : TrainingException
{
    /// <summary>Creates the error for the setting <paramref name="setting"/>.</summary>
    public TrainingConfigurationException(string setting, string message) : base($"{setting}: {message}") => Setting = setting;

    /// <summary>The offending setting.</summary>
    public string Setting { get; }
}
