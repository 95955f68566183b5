namespace AstDsl.Bench.Compare;

/// <summary>
/// One timed call, median over repeats: wall-clock seconds and process CPU seconds (all threads). On a shared machine the
/// CPU time is the fairer figure: it does not count time spent waiting for other processes.
/// </summary>
/// <param name="WallSeconds">Median wall-clock seconds per call.</param>
/// <param name="CpuSeconds">Median process CPU seconds per call.</param>
public sealed record Timed(double WallSeconds, double CpuSeconds)
{
    /// <summary>The medians of <paramref name="runs"/>.</summary>
    public static Timed Of(IReadOnlyList<Timing.Repeats.Sample> runs) =>
        new(Timing.Repeats.Median(runs.Select(r => r.WallSeconds).ToArray()), Timing.Repeats.Median(runs.Select(r => r.CpuSeconds).ToArray()));

    /// <summary>The fastest of <paramref name="runs"/>, wall and CPU separately: on a shared machine the least disturbed run.</summary>
    public static Timed Best(IReadOnlyList<Timing.Repeats.Sample> runs) => new(runs.Min(r => r.WallSeconds), runs.Min(r => r.CpuSeconds));
}

/// <summary>One row of the comparison: the same work timed here and, when available, in PyTorch.</summary>
/// <param name="Name">What was measured, e.g. "base384 inference batch 1".</param>
/// <param name="Precision">The arithmetic of the model's products, on both sides.</param>
/// <param name="Work">Units of work per call (clips, or seconds of audio for the fbank).</param>
/// <param name="Unit">Unit of the rates, e.g. "clips/s".</param>
/// <param name="Flops">Floating-point operations per call (null where the FLOP floor does not apply).</param>
/// <param name="Ours">Our timing.</param>
/// <param name="PyTorch">PyTorch's timing, or null when it was not measured.</param>
public sealed record Figure(string Name, Precision Precision, double Work, string Unit, double? Flops, Timed Ours, Timed? PyTorch)
{
    /// <summary>Our rate per wall-clock second.</summary>
    public double OursRate => Work / Ours.WallSeconds;

    /// <summary>PyTorch's rate per wall-clock second.</summary>
    public double? PyTorchRate => PyTorch is null ? null : Work / PyTorch.WallSeconds;

    /// <summary>Our speed over PyTorch's by wall clock.</summary>
    public double? WallRatio => PyTorch is null ? null : PyTorch.WallSeconds / Ours.WallSeconds;

    /// <summary>Our speed over PyTorch's by CPU time (robust under load).</summary>
    public double? CpuRatio => PyTorch is null ? null : PyTorch.CpuSeconds / Ours.CpuSeconds;

    /// <summary>
    /// Share of the FLOP floor of this figure's precision reached, by CPU time: (FLOPs / our CPU seconds) over the
    /// matmul's FLOPs per CPU second (<paramref name="fp32Floor"/> or <paramref name="bf16Floor"/>).
    /// </summary>
    public double? FloorShare(double fp32Floor, double bf16Floor) =>
        Flops is { } f ? f / Ours.CpuSeconds / (Precision == Precision.Fp32 ? fp32Floor : bf16Floor) : null;
}
