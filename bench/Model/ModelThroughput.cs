using AstDsl.Bench.Timing;
using AstDsl.Network;
using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Bench.Model;

/// <summary>
/// Inference clips/second for tiny224 and base384 at 1024 x 128 (batch 1 and 8), and the time of one training step
/// (forward + backward + Adam, batch 4), on CPU. bench/reference/pytorch_ast_bench.py measures the same for PyTorch.
/// </summary>
public static class ModelThroughput
{
    /// <summary>One measured number.</summary>
    /// <param name="Model">Backbone size.</param>
    /// <param name="Measure">inference or train_step.</param>
    /// <param name="Batch">Clips per call.</param>
    /// <param name="Value">Clips per second (inference) or seconds per step (training).</param>
    /// <param name="Unit">Unit of <paramref name="Value"/>.</param>
    public sealed record Result(string Model, string Measure, int Batch, double Value, string Unit);

    /// <summary>Runs every measurement with <paramref name="warmup"/> discarded and the median of <paramref name="repeats"/> kept.</summary>
    public static IReadOnlyList<Result> Run(IEnumerable<ModelSize> sizes, int warmup, int repeats)
    {
        var results = new List<Result>();
        foreach (var size in sizes)
        {
            manual_seed(0);
            using var model = new AstModel(AstOptions.ForSize(size, 527));
            model.eval();
            foreach (var batch in new[] { 1, 8 })
            {
                using var input = randn(batch, 1024, 128);
                var seconds = Repeats.Median(Repeats.Time(() =>
                {
                    using var noGrad = no_grad();
                    using var output = model.forward(input);
                }, warmup, repeats));
                results.Add(Report(new Result(size.ToString(), "inference", batch, batch / seconds, "clips/s")));
            }
            results.Add(Report(new Result(size.ToString(), "train_step", 4, TrainStep(model, warmup, repeats), "s")));
        }
        return results;
    }

    private static double TrainStep(AstModel model, int warmup, int repeats)
    {
        using var step = new TrainingStep(model, batch: 4);
        return Repeats.Median(Repeats.Time(step.Run, warmup, repeats));
    }

    private static Result Report(Result result)
    {
        Console.WriteLine($"{result.Model,-9} {result.Measure,-10} batch {result.Batch}: {result.Value:F3} {result.Unit}");
        return result;
    }
}
