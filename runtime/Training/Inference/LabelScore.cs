namespace AstDsl.Training.Inference;

/// <summary>A class and its probability.</summary>
/// <param name="Index">Output index.</param>
/// <param name="Name">Display name from the label CSV stored in the checkpoint.</param>
/// <param name="Probability">Sigmoid (multi-label model) or softmax (single-label model) output.</param>
public sealed record LabelScore(int Index, string Name, double Probability);
