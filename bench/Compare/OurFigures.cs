using System.Diagnostics;
using AstDsl.Audio.Features;
using AstDsl.Bench.Model;
using AstDsl.Bench.Timing;
using AstDsl.Dsl.Inference;
using AstDsl.Network;
using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Bench.Compare;

/// <summary>AstDsl's side of <c>compare</c>: the shapes of bench/reference/pytorch_compare.py, timed the same way.</summary>
public static class OurFigures
{
    /// <summary>Edge of the square matmul that measures the FLOP floor.</summary>
    public const int MatmulSize = 1024;

    /// <summary>How long the matmul runs before it is timed (as bench/reference/pytorch_compare.py).</summary>
    public static readonly TimeSpan MatmulWarmUp = TimeSpan.FromSeconds(1);

    /// <summary>FLOPs of one <see cref="MatmulSize"/>^3 matmul.</summary>
    public static double MatmulFlops => 2.0 * MatmulSize * MatmulSize * MatmulSize;

    /// <summary>A 1024^3 matmul in <paramref name="type"/>.</summary>
    public static Timed Matmul(ScalarType type, int repeats)
    {
        using var a = randn(MatmulSize, MatmulSize).to(type);
        using var b = randn(MatmulSize, MatmulSize).to(type);
        // A second of calls first: after an idle spell (as the PyTorch half leaves) the first ten or so fp32 products
        // run at under half speed on this VM, which would set the floor below what the models reach.
        var warming = Stopwatch.StartNew();
        while (warming.Elapsed < MatmulWarmUp)
        {
            using var c = matmul(a, b);
        }
        return Timed.Of(Repeats.Measure(() =>
        {
            using var c = matmul(a, b);
        }, 0, repeats));
    }

    /// <summary>Forward FLOPs of one 1024 x 128 clip through <paramref name="size"/> (the language's shape inference).</summary>
    public static double ForwardFlops(ModelSize size) => ShapeInference.Infer(AstOptions.ForSize(size, 527)).Flops;

    /// <summary>Inference of a batch of 1024 x 128 inputs in <paramref name="precision"/> (as astc infer: weights fixed).</summary>
    public static Timed Inference(AstModel model, int batch, int repeats, Precision precision)
    {
        model.eval();
        model.PlaceForInference(CPU, precision);
        using var input = randn(batch, 1024, 128);
        return Timed.Of(Repeats.Measure(() =>
        {
            using var noGrad = no_grad();
            using var output = model.forward(input);
        }, 1, repeats));
    }

    /// <summary>Training steps (forward, BCE, backward, Adam) at the official fine-tuning settings in <paramref name="precision"/>.</summary>
    public static Timed TrainStep(AstModel model, int batch, int warmup, int repeats, Precision precision)
    {
        model.Precision.Use(precision);
        using var step = new TrainingStep(model, batch);
        return Timed.Of(Repeats.Measure(step.Run, warmup, repeats));
    }

    /// <summary>Kaldi fbank of <paramref name="clips"/> 10 s, 16 kHz clips in one batched call.</summary>
    public static Timed Fbank(int clips, int repeats)
    {
        using var fbank = new KaldiFbank();
        using var noise = randn(clips, 160000, generator: new Generator(0));
        using var amplitude = 0.1.ToScalar();
        using var waveforms = noise.mul(amplitude);
        return Timed.Of(Repeats.Measure(() =>
        {
            using var features = fbank.Compute(waveforms, 16000);
        }, 2, Math.Max(repeats, 7)));
    }
}
