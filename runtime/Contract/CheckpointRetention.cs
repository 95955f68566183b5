namespace AstDsl.Contract;

/// <summary>
/// The rules of <c>train.keep_checkpoints</c> and <c>train.wa</c>, applied by the checker (as diagnostics) and by the
/// runtime before the first epoch (when <c>--epochs</c> shortens a run), so a bad range never costs a training run.
/// A run keeps the <c>keep_checkpoints</c> most recent epoch checkpoints; weight averaging reads its epochs from them,
/// so the kept window must reach back to the first averaged epoch.
/// </summary>
public static class CheckpointRetention
{
    /// <summary>Epoch checkpoints weight averaging needs kept: from its first epoch to the last epoch, 0 without WA.</summary>
    public static int Required(TrainSettings train) =>
        train.WeightAveraging is { } range ? Math.Max(0, train.Epochs - range.Start + 1) : 0;

    /// <summary>Why weight averaging cannot run over <paramref name="epochs"/> epochs, or null.</summary>
    public static string? WeightAveragingProblem(TrainSettings train, int epochs) =>
        train.WeightAveraging is { } range && range.End > epochs
            ? $"weight averaging ends at epoch {range.End} but the run has {epochs} epochs; end the range at {epochs} or train longer"
            : null;

    /// <summary>Why <c>keep_checkpoints</c> is too small for weight averaging, or null.</summary>
    public static string? RetentionProblem(TrainSettings train) =>
        train.KeepCheckpoints < Required(train)
            ? $"keeping {train.KeepCheckpoints} epoch checkpoints is too few for train.wa = {train.WeightAveraging!.Value.Start}..{train.WeightAveraging.Value.End} over {train.Epochs} epochs; keep at least {Required(train)} (or drop keep_checkpoints to get exactly that)"
            : null;

    /// <summary>The epoch whose checkpoint falls out of the kept window when <paramref name="epoch"/> finishes, or null.</summary>
    public static int? Expired(TrainSettings train, int epoch) =>
        epoch - train.KeepCheckpoints is var old && old >= 1 ? old : null;
}
