namespace AstDsl.Export;

/// <summary>A model cannot be exported as described; the message names the file or weight and what to change.</summary>
public sealed class ExportException(string message) : Exception(message);
