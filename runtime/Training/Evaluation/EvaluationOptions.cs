using AstDsl.Audio.Data;

namespace AstDsl.Training.Evaluation;

/// <summary>How to evaluate stored models on a datafile.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Label CSV for the datafile; null uses the labels stored in the checkpoint.</summary>
    public string? LabelCsv { get; init; }
    /// <summary>Clips per batch.</summary>
    public int BatchSize { get; init; } = 24;
    /// <summary>Parallel decoding workers; 0 means one per core.</summary>
    public int Workers { get; init; }
    /// <summary>What to do with a clip that cannot be read: stop (the default, as <c>on_bad_file = fail</c> in a run) or skip and count it.</summary>
    public BadFilePolicy BadFiles { get; init; } = BadFilePolicy.Fail;
    /// <summary>Score each clip by sliding windows of this many frames (at most the model input) instead of its first model input; null: off unless <see cref="Hop"/> is set.</summary>
    public int? Window { get; init; }
    /// <summary>Frames between windows when scoring by windows (default half a window).</summary>
    public int? Hop { get; init; }
    /// <summary>auto, cpu, cuda or cuda:N.</summary>
    public string Device { get; init; } = "auto";
    /// <summary>Arithmetic of the model's products (bf16: bfloat16, float16 on CUDA, from the float32 weights).</summary>
    public Precision Precision { get; init; } = Precision.Fp32;
    /// <summary>What released (non-.astckpt) checkpoints do not store; null imports them with <see cref="LabelCsv"/> and defaults.</summary>
    public Checkpoints.ModelImportOptions? Import { get; init; }
}
