using System.Globalization;
using System.Text;
using AstDsl.Bench.Timing;

namespace AstDsl.Bench.Compare;

/// <summary>Everything <c>compare</c> measured in one run, as JSON and as a Markdown table.</summary>
/// <param name="Benchmark">"compare".</param>
/// <param name="Machine">What it ran on.</param>
/// <param name="Threads">Threads on both sides.</param>
/// <param name="Libraries">Library versions on both sides.</param>
/// <param name="PyTorchRefusal">Why there are no PyTorch figures, or null.</param>
/// <param name="MatmulFp32">Our 1024^3 fp32 matmul.</param>
/// <param name="MatmulBf16">Our 1024^3 bf16 matmul.</param>
/// <param name="PyTorchMatmulFp32">PyTorch's fp32 matmul (its BLAS).</param>
/// <param name="PyTorchMatmulBf16">PyTorch's bf16 matmul.</param>
/// <param name="Figures">The compared figures.</param>
public sealed record CompareResult(
    string Benchmark, MachineDescription Machine, int Threads, IReadOnlyDictionary<string, string> Libraries, string? PyTorchRefusal,
    Timed MatmulFp32, Timed MatmulBf16, Timed? PyTorchMatmulFp32, Timed? PyTorchMatmulBf16, IReadOnlyList<Figure> Figures) : IMarkdownResult
{
    /// <summary>Whether the machine was busier than its cores when the run started.</summary>
    public bool MeasuredUnderLoad => Machine.LoadAverage > Machine.LogicalCores;

    /// <inheritdoc />
    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var fp32 = OurFigures.MatmulFlops / MatmulFp32.CpuSeconds;
        var bf16 = OurFigures.MatmulFlops / MatmulBf16.CpuSeconds;
        var md = new StringBuilder();
        md.AppendLine(c, $"# AstDsl vs PyTorch, {Threads} threads");
        md.AppendLine();
        md.AppendLine(c, $"Machine: {Machine.Cpu}, {Machine.LogicalCores} logical cores, flags {string.Join(" ", Machine.Flags)}; {Machine.Os}; load average {Machine.LoadAverage:F1} at the start.");
        md.AppendLine(c, $"Libraries: {string.Join("; ", Libraries.Select(l => $"{l.Key} {l.Value}"))}; libtorch's MKL: {Machine.MklKernels}.");
        if (MeasuredUnderLoad)
            md.AppendLine(c, $"**Measured under load** (load average {Machine.LoadAverage:F1} on {Machine.LogicalCores} cores): wall-clock figures are unreliable; the CPU-time ratios are the ones to read. Rerun on a quiet machine.");
        if (PyTorchRefusal is not null) md.AppendLine(c, $"No PyTorch figures: {PyTorchRefusal}");
        md.AppendLine();
        md.AppendLine(c, $"FLOP floor (1024^3 matmul, ours): fp32 {MatmulFp32.WallSeconds * 1000:F1} ms = {OurFigures.MatmulFlops / MatmulFp32.WallSeconds / 1e9:F0} GFLOPS wall, {fp32 / 1e9:F0} GFLOPS per CPU s; " +
                           $"bf16 {OurFigures.MatmulFlops / MatmulBf16.WallSeconds / 1e9:F0} GFLOPS wall, {bf16 / 1e9:F0} per CPU s.");
        if (PyTorchMatmulFp32 is { } pf && PyTorchMatmulBf16 is { } pb)
            md.AppendLine(c, $"PyTorch's matmul: fp32 {OurFigures.MatmulFlops / pf.WallSeconds / 1e9:F0} GFLOPS wall ({OurFigures.MatmulFlops / pf.CpuSeconds / 1e9:F0} per CPU s), " +
                               $"bf16 {OurFigures.MatmulFlops / pb.WallSeconds / 1e9:F1} GFLOPS wall.");
        md.AppendLine();
        md.AppendLine("| figure | AstDsl | PyTorch | AstDsl / PyTorch (wall) | AstDsl / PyTorch (CPU time) | AstDsl share of its precision's floor |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var f in Figures)
            md.AppendLine(c, $"| {f.Name} | {f.OursRate:G4} {f.Unit} | {(f.PyTorchRate is { } p ? p.ToString("G4", c) + " " + f.Unit : "-")} | " +
                             $"{Ratio(f.WallRatio)} | {Ratio(f.CpuRatio)} | {Share(f.FloorShare(fp32, bf16))} |");
        md.AppendLine();
        foreach (var (half, full) in HalfAndFullPairs())
        {
            var overPyTorch = full.PyTorch is { } pt
                ? string.Create(c, $", {Ratio(pt.WallSeconds / half.Ours.WallSeconds)} PyTorch's fp32 (CPU time {Ratio(pt.CpuSeconds / half.Ours.CpuSeconds)}).")
                : ".";
            md.AppendLine(c, $"{half.Name}: {Ratio(full.Ours.WallSeconds / half.Ours.WallSeconds)} our fp32 (CPU time {Ratio(full.Ours.CpuSeconds / half.Ours.CpuSeconds)}){overPyTorch}");
        }
        md.AppendLine();
        md.AppendLine("Rates are per wall-clock second (medians). Ratios above 1 mean AstDsl is faster. bf16 rows: ours with MixedPrecision, " +
                      "PyTorch's under CPU autocast to bfloat16, weights fp32 on both sides. A floor share is the model's FLOPs per CPU second " +
                      "over the matmul's in the figure's precision, both measured in this run with TorchSharp.");
        return md.ToString();

        string Ratio(double? r) => r is { } v ? v.ToString("F2", c) + "x" : "-";

        // Each bf16 figure with the fp32 figure of the same work (its name without the precision suffix).
        IEnumerable<(Figure Half, Figure Full)> HalfAndFullPairs() =>
            Figures.Where(f => f.Precision != Precision.Fp32)
                .SelectMany(h => Figures.Where(f => f.Precision == Precision.Fp32 && h.Name.StartsWith(f.Name + ",", StringComparison.Ordinal)).Select(f => (h, f)));
        string Share(double? s) => s is { } v ? v.ToString("P0", c) : "-";
    }
}
