namespace AstDsl.Tagging;

/// <summary>One label's score for a clip.</summary>
/// <param name="Index">Output index of the model.</param>
/// <param name="Label">Display name stored in the model.</param>
/// <param name="Score">Probability: sigmoid for a multi-label model, softmax for a single-label one.</param>
public sealed record TagScore(int Index, string Label, float Score);
