namespace AstDsl.Training.Errors;

/// <summary>A data file the spec names (datafile, label CSV, weights) that is missing, a folder, or unusable.</summary>
public sealed class DataFileException : TrainingException
{
    /// <summary>Creates the error for the spec field <paramref name="setting"/> whose value is <paramref name="value"/>.</summary>
    public DataFileException(string setting, string value, string problem)
        : base($"{setting} = \"{value}\": {problem}")
    {
        Setting = setting;
        Value = value;
    }

    /// <summary>The spec field, e.g. <c>data.train</c>.</summary>
    public string Setting { get; }
    /// <summary>The path as the spec writes it (after <c>{fold}</c> substitution).</summary>
    public string Value { get; }
}
