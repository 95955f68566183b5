using AstDsl.Bench.Timing;
using AstDsl.Export;
using AstDsl.Network;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using static TorchSharp.torch;

namespace AstDsl.Bench.Onnx;

/// <summary>
/// Inference clips/second of the same randomly initialised AST (1024 x 128 input, batch 1 and 8) in TorchSharp and,
/// exported by <see cref="OnnxExporter"/>, in ONNX Runtime, with the same number of CPU threads, in one run.
/// </summary>
public static class OnnxThroughput
{
    /// <summary>One measured number.</summary>
    /// <param name="Model">Backbone size.</param>
    /// <param name="Runtime">torchsharp or onnxruntime.</param>
    /// <param name="Batch">Clips per call.</param>
    /// <param name="ClipsPerSecond">Throughput (median of the repeats).</param>
    public sealed record Result(string Model, string Runtime, int Batch, double ClipsPerSecond);

    /// <summary>Runs every measurement with <paramref name="warmup"/> discarded and the median of <paramref name="repeats"/> kept.</summary>
    public static IReadOnlyList<Result> Run(IEnumerable<ModelSize> sizes, int threads, int warmup, int repeats)
    {
        set_num_threads(threads);
        var results = new List<Result>();
        var dir = Directory.CreateTempSubdirectory("astdsl-bench-onnx-").FullName;
        try
        {
            foreach (var size in sizes)
            {
                manual_seed(0);
                var options = AstOptions.ForSize(size, 527);
                var path = Path.Combine(dir, size + ".onnx");
                using var model = new AstModel(options);
                model.eval();
                OnnxExporter.Export(new ExportDescription { Experiment = size.ToString(), Network = options }, model.state_dict(), path, frontEnd: false);
                using var sessionOptions = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
                using var session = new InferenceSession(path, sessionOptions);
                foreach (var batch in new[] { 1, 8 })
                {
                    using var input = randn(batch, 1024, 128);
                    var torchSeconds = Repeats.Median(Repeats.Time(() =>
                    {
                        using var noGrad = no_grad();
                        using var output = model.forward(input);
                    }, warmup, repeats));
                    results.Add(Report(new Result(size.ToString(), "torchsharp", batch, batch / torchSeconds)));

                    var onnxInput = new DenseTensor<float>(input.data<float>().ToArray(), [batch, 1024, 128]);
                    var onnxSeconds = Repeats.Median(Repeats.Time(() =>
                    {
                        using var outputs = session.Run([NamedOnnxValue.CreateFromTensor("features", onnxInput)]);
                    }, warmup, repeats));
                    results.Add(Report(new Result(size.ToString(), "onnxruntime", batch, batch / onnxSeconds)));
                }
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        return results;
    }

    private static Result Report(Result result)
    {
        Console.WriteLine($"{result.Model,-9} {result.Runtime,-12} batch {result.Batch}: {result.ClipsPerSecond:F3} clips/s");
        return result;
    }
}
