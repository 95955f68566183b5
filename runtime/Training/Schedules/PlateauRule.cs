namespace AstDsl.Training.Schedules;

/// <summary>
/// torch.optim.lr_scheduler.ReduceLROnPlateau in mode 'max' with its defaults (relative threshold 1e-4, no
/// cooldown, no minimum, eps 1e-8), as the official AudioSet recipe uses it on mAP.
/// </summary>
internal static class PlateauRule
{
    private const double RelativeThreshold = 1e-4;
    private const double MinimumChange = 1e-8;

    /// <summary>The state after observing <paramref name="metric"/> at the end of an epoch.</summary>
    public static ScheduleState Observe(ScheduleState state, double metric, int patience, double factor)
    {
        var improved = metric > state.PlateauBest * (1 + RelativeThreshold) || double.IsNegativeInfinity(state.PlateauBest);
        var best = improved ? metric : state.PlateauBest;
        var bad = improved ? 0 : state.PlateauBadEpochs + 1;
        if (bad <= patience) return state with { PlateauBest = best, PlateauBadEpochs = bad };
        var reduced = state.LearningRate * factor;
        var lr = state.LearningRate - reduced > MinimumChange ? reduced : state.LearningRate;
        return new ScheduleState(lr, best, 0);
    }
}
