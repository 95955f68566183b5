using AstDsl.Bench.Timing;
using AstDsl.Network;
using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Bench.Model;

/// <summary>
/// Inference clips/second at 1024 x 128 (batch 1 and 8 by default), and the time of one training step (forward +
/// backward + Adam, batch 4), on CPU, in each requested precision. Precisions are measured back to back per figure
/// and their ratios reported, since on a shared machine only ratios from one run compare.
/// bench/reference/pytorch_ast_bench.py measures the same for PyTorch.
/// </summary>
public static class ModelThroughput
{
    /// <summary>One measured number.</summary>
    /// <param name="Model">Backbone size.</param>
    /// <param name="Precision">Arithmetic of the products (fp32 or bf16).</param>
    /// <param name="Measure">inference or train_step.</param>
    /// <param name="Batch">Clips per call.</param>
    /// <param name="Value">Clips per second (inference) or seconds per step (training).</param>
    /// <param name="Unit">Unit of <paramref name="Value"/>.</param>
    /// <param name="CpuValue">The same from the process's CPU time instead of wall-clock time (steadier on a shared machine).</param>
    public sealed record Result(string Model, string Precision, string Measure, int Batch, double Value, string Unit, double CpuValue);

    /// <summary>A figure in one precision divided by the same figure in fp32, measured in the same run.</summary>
    /// <param name="Model">Backbone size.</param>
    /// <param name="Precision">The precision compared with fp32.</param>
    /// <param name="Measure">inference (a speed-up: higher is faster) or train_step (a time: lower is faster).</param>
    /// <param name="Batch">Clips per call.</param>
    /// <param name="Value">This precision's value over fp32's.</param>
    /// <param name="CpuValue">The same ratio from CPU time.</param>
    public sealed record Ratio(string Model, string Precision, string Measure, int Batch, double Value, double CpuValue);

    /// <summary>Every figure and the ratios to fp32.</summary>
    /// <param name="Results">The measured figures.</param>
    /// <param name="Ratios">Each non-fp32 figure over its fp32 twin, when fp32 was measured too.</param>
    public sealed record Report(IReadOnlyList<Result> Results, IReadOnlyList<Ratio> Ratios);

    /// <summary>Runs every measurement with <paramref name="warmup"/> discarded and the median of <paramref name="repeats"/> kept.</summary>
    /// <param name="sizes">Backbones to measure.</param>
    /// <param name="precisions">Precisions, measured back to back for each figure.</param>
    /// <param name="batches">Inference batch sizes (none: no inference figure).</param>
    /// <param name="trainStep">Whether to time the training step too.</param>
    /// <param name="warmup">Discarded runs per figure.</param>
    /// <param name="repeats">Measured runs per figure.</param>
    public static Report Run(IEnumerable<ModelSize> sizes, IReadOnlyList<Precision> precisions, IReadOnlyList<int> batches, bool trainStep, int warmup, int repeats)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(precisions);
        ArgumentNullException.ThrowIfNull(batches);
        var results = new List<Result>();
        foreach (var size in sizes)
        {
            manual_seed(0);
            using var model = new AstModel(AstOptions.ForSize(size, 527));
            model.eval();
            foreach (var batch in batches)
            {
                using var input = randn(batch, 1024, 128);
                foreach (var precision in precisions)
                {
                    // As astc infer/eval: the weights are fixed, so their 16-bit casts are made once.
                    model.PlaceForInference(CPU, precision);
                    var (wall, cpu) = Medians(Repeats.Measure(() =>
                    {
                        using var noGrad = no_grad();
                        using var output = model.forward(input);
                    }, warmup, repeats));
                    results.Add(Print(new Result(size.ToString(), LanguageWords.Of(precision), "inference", batch, batch / wall, "clips/s", batch / cpu)));
                }
            }
            foreach (var precision in trainStep ? precisions : [])
            {
                model.Precision.Use(precision);
                var (wall, cpu) = TrainStep(model, warmup, repeats);
                results.Add(Print(new Result(size.ToString(), LanguageWords.Of(precision), "train_step", 4, wall, "s", cpu)));
            }
            model.Precision.Use(Precision.Fp32);
        }
        var ratios = Ratios(results);
        foreach (var ratio in ratios)
            Console.WriteLine($"{ratio.Model,-9} {ratio.Measure,-10} batch {ratio.Batch}: {ratio.Precision}/fp32 = {ratio.Value:F2}x (CPU time: {ratio.CpuValue:F2}x)");
        return new Report(results, ratios);
    }

    private static List<Ratio> Ratios(IReadOnlyList<Result> results) =>
        results.Where(r => r.Precision != LanguageWords.Of(Precision.Fp32))
            .Select(r => (r, fp32: results.FirstOrDefault(f => f.Precision == LanguageWords.Of(Precision.Fp32)
                && f.Model == r.Model && f.Measure == r.Measure && f.Batch == r.Batch)))
            .Where(pair => pair.fp32 is not null)
            .Select(pair => new Ratio(pair.r.Model, pair.r.Precision, pair.r.Measure, pair.r.Batch, pair.r.Value / pair.fp32!.Value, pair.r.CpuValue / pair.fp32.CpuValue))
            .ToList();

    private static (double Wall, double Cpu) Medians(IReadOnlyList<Repeats.Sample> samples) =>
        (Repeats.Median(samples.Select(s => s.WallSeconds).ToArray()), Repeats.Median(samples.Select(s => s.CpuSeconds).ToArray()));

    private static (double Wall, double Cpu) TrainStep(AstModel model, int warmup, int repeats)
    {
        using var step = new TrainingStep(model, batch: 4);
        var seconds = Medians(Repeats.Measure(step.Run, warmup, repeats));
        model.eval();
        return seconds;
    }

    // The line format "<model> inference  batch N: X clips/s" is what earlier results and scripts read; the precision follows it.
    private static Result Print(Result result)
    {
        Console.WriteLine($"{result.Model,-9} {result.Measure,-10} batch {result.Batch}: {result.Value:F3} {result.Unit} ({result.Precision})");
        return result;
    }
}
