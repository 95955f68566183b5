namespace AstDsl.Training.Inference;

/// <summary>Top labels of one model-input-sized window of a long clip.</summary>
/// <param name="StartSeconds">Window start.</param>
/// <param name="EndSeconds">Window end.</param>
/// <param name="Top">Best labels of the window.</param>
public sealed record WindowPrediction(double StartSeconds, double EndSeconds, IReadOnlyList<LabelScore> Top);

/// <summary>What <c>astc infer</c> shows for one file.</summary>
public sealed record InferenceResult
{
    /// <summary>The audio file.</summary>
    public required string File { get; init; }
    /// <summary>Clip length in seconds.</summary>
    public required double DurationSeconds { get; init; }
    /// <summary>Best labels for the whole clip, highest first.</summary>
    public required IReadOnlyList<LabelScore> Top { get; init; }
    /// <summary>Per-window best labels when the clip is longer than the model input (empty otherwise).</summary>
    public IReadOnlyList<WindowPrediction> Windows { get; init; } = Array.Empty<WindowPrediction>();
    /// <summary>Why the labels may be meaningless (e.g. NaN samples); empty when the input was sound.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();
    /// <summary>Whether the input gave no reason to doubt the labels.</summary>
    public bool Reliable => Warnings.Count == 0;
}
