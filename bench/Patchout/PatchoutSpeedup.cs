using AstDsl.Bench.Model;
using AstDsl.Bench.Timing;
using AstDsl.Network;
using static TorchSharp.torch;

namespace AstDsl.Bench.Patchout;

/// <summary>
/// Training-step time of one model without patchout and with PaSST's two kinds (structured: 4 frequency rows and 40
/// time columns of the paper's 12 x 101 grid; unstructured: half the patches), measured in turns so a busy machine
/// slows all alike; the figure of merit is the ratio to the step without patchout.
/// </summary>
public static class PatchoutSpeedup
{
    /// <summary>One variant.</summary>
    /// <param name="Patchout">The patchout as the spec writes it.</param>
    /// <param name="TrainingTokens">Tokens the blocks see in a training step.</param>
    /// <param name="StepSeconds">Median wall-clock seconds per step.</param>
    /// <param name="CpuSeconds">Median process CPU seconds per step.</param>
    /// <param name="Speedup">Step time without patchout divided by this one's (wall clock).</param>
    /// <param name="LoadAverage">The 1-minute load average at the end.</param>
    public sealed record Result(string Patchout, int TrainingTokens, double StepSeconds, double CpuSeconds, double Speedup, double LoadAverage);

    private static readonly PatchoutOptions[] Variants =
    {
        new(),
        new() { Kind = PatchoutKind.Structured, FreqRows = 4, TimeColumns = 40 },
        new() { Kind = PatchoutKind.Unstructured, Share = 0.5 },
    };

    /// <summary>Times a training step of each variant <paramref name="repeats"/> times in turns, after <paramref name="warmup"/> discarded turns.</summary>
    public static IReadOnlyList<Result> Run(ModelSize size, int frames, int batch, int warmup, int repeats)
    {
        var shape = AstOptions.ForSize(size, 527) with { InputTDim = frames };
        var models = Variants.Select(patchout => new AstModel(shape with { Patchout = patchout })).ToArray();
        var steps = models.Select(model => new TrainingStep(model, batch)).ToArray();
        try
        {
            var samples = steps.Select(_ => new List<Repeats.Sample>()).ToArray();
            for (var turn = 0; turn < warmup + repeats; turn++)
                for (var i = 0; i < steps.Length; i++)
                {
                    var sample = Repeats.Measure(steps[i].Run, warmup: 0, repeats: 1)[0];
                    if (turn >= warmup) samples[i].Add(sample);
                }
            var wall = samples.Select(s => Repeats.Median(s.Select(x => x.WallSeconds).ToArray())).ToArray();
            var load = MachineLoad.OneMinute();
            return Variants.Select((patchout, i) => Report(new Result(patchout.SpecText(), models[i].Options.TrainingPatchCount + models[i].Options.SpecialTokenCount,
                wall[i], Repeats.Median(samples[i].Select(x => x.CpuSeconds).ToArray()), wall[0] / wall[i], load))).ToArray();
        }
        finally
        {
            foreach (var step in steps) step.Dispose();
            foreach (var model in models) model.Dispose();
        }
    }

    private static Result Report(Result result)
    {
        Console.WriteLine($"{result.Patchout,-32} {result.TrainingTokens,5} tokens: {result.StepSeconds:F3} s/step (cpu {result.CpuSeconds:F3} s), speed-up {result.Speedup:F2}x, load {result.LoadAverage:F1}");
        return result;
    }
}
