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
    public sealed record Result(string Model, string Precision, string Measure, int Batch, double Value, string Unit);

    /// <summary>A figure in one precision divided by the same figure in fp32, measured in the same run.</summary>
    /// <param name="Model">Backbone size.</param>
    /// <param name="Precision">The precision compared with fp32.</param>
    /// <param name="Measure">inference (a speed-up: higher is faster) or train_step (a time: lower is faster).</param>
    /// <param name="Batch">Clips per call.</param>
    /// <param name="Value">This precision's value over fp32's.</param>
    public sealed record Ratio(string Model, string Precision, string Measure, int Batch, double Value);

    /// <summary>Every figure and the ratios to fp32.</summary>
    /// <param name="Results">The measured figures.</param>
    /// <param name="Ratios">Each non-fp32 figure over its fp32 twin, when fp32 was measured too.</param>
    public sealed record Report(IReadOnlyList<Result> Results, IReadOnlyList<Ratio> Ratios);

    /// <summary>Runs every measurement with <paramref name="warmup"/> discarded and the median of <paramref name="repeats"/> kept.</summary>
    public static Report Run(IEnumerable<ModelSize> sizes, IReadOnlyList<Precision> precisions, IReadOnlyList<int> batches, int warmup, int repeats)
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
                    model.Precision.Use(precision, frozenWeights: true);
                    var seconds = Repeats.Median(Repeats.Time(() =>
                    {
                        using var noGrad = no_grad();
                        using var output = model.forward(input);
                    }, warmup, repeats));
                    results.Add(Print(new Result(size.ToString(), LanguageWords.Of(precision), "inference", batch, batch / seconds, "clips/s")));
                }
            }
            foreach (var precision in precisions)
            {
                model.Precision.Use(precision);
                results.Add(Print(new Result(size.ToString(), LanguageWords.Of(precision), "train_step", 4, TrainStep(model, warmup, repeats), "s")));
            }
            model.Precision.Use(Precision.Fp32);
        }
        var ratios = Ratios(results);
        foreach (var ratio in ratios)
            Console.WriteLine($"{ratio.Model,-9} {ratio.Measure,-10} batch {ratio.Batch}: {ratio.Precision}/fp32 = {ratio.Value:F2}x");
        return new Report(results, ratios);
    }

    private static List<Ratio> Ratios(IReadOnlyList<Result> results) =>
        results.Where(r => r.Precision != LanguageWords.Of(Precision.Fp32))
            .Select(r => (r, fp32: results.FirstOrDefault(f => f.Precision == LanguageWords.Of(Precision.Fp32)
                && f.Model == r.Model && f.Measure == r.Measure && f.Batch == r.Batch)))
            .Where(pair => pair.fp32 is not null)
            .Select(pair => new Ratio(pair.r.Model, pair.r.Precision, pair.r.Measure, pair.r.Batch, pair.r.Value / pair.fp32!.Value))
            .ToList();

    private static double TrainStep(AstModel model, int warmup, int repeats)
    {
        model.train();
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-5, beta1: 0.95, beta2: 0.999, weight_decay: 5e-7);
        using var input = randn(4, 1024, 128);
        using var target = rand(4, 527);
        var seconds = Repeats.Median(Repeats.Time(() =>
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.binary_cross_entropy_with_logits(model.forward(input), target).backward();
            optimizer.step();
        }, warmup, repeats));
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
