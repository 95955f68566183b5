using AstDsl.Network;
using AstDsl.Training.Loop;
using AstDsl.TestSupport;
using AstDsl.Training.Optimization;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Training.Tests;

/// <summary>The float16 loss scaler's rules (torch.amp.GradScaler's) on one optimiser step of the tiny AST.</summary>
public sealed class LossScalerTests
{
    private const int Classes = 3;

    [Fact]
    public void Bf16_and_fp32_products_get_no_scaler()
    {
        Assert.Same(LossScaler.Disabled, LossScaler.For(ScalarType.BFloat16));
        Assert.Same(LossScaler.Disabled, LossScaler.For(ScalarType.Float32));
        using var loss = tensor(0.25f);
        Assert.Same(loss, LossScaler.Disabled.Scaled(loss));
        Assert.Null(LossScaler.Disabled.State);
        Assert.Equal(new LossScaleState(65536f, 0), LossScaler.For(ScalarType.Float16).State);
    }

    [Fact]
    public void An_infinite_gradient_skips_the_step_and_halves_the_scale()
    {
        using var model = Model(Precision.Fp32, seed: 3);
        using var optimizer = OptimizerRecipe.Adam(1e-3, (0.95, 0.999), 0).Create(model.parameters());
        var scaler = LossScaler.For(ScalarType.Float16);
        Backward(model, scaler, dataSeed: 11);
        var parameters = model.parameters().ToArray();
        parameters[0].grad!.view(-1)[0] = tensor(float.PositiveInfinity);
        var before = parameters.Select(p => p.detach().clone()).ToArray();

        var outcome = OptimizerStep.Take(parameters, optimizer, scaler, clipNorm: 1.0);

        Assert.Equal(new StepOutcome(Applied: false, ScaleBefore: 65536f, ScaleAfter: 32768f, GradientNorm: null), outcome);
        Assert.Equal(new LossScaleState(32768f, 0), scaler.State);
        for (var i = 0; i < parameters.Length; i++) TensorAssert.Equal(parameters[i], before[i], $"parameter {i}");
    }

    [Fact]
    public void The_scale_doubles_after_the_growth_interval_of_finite_steps_and_a_skip_restarts_the_count()
    {
        var scaler = LossScaler.For(ScalarType.Float16, growthInterval: 3);
        var seen = new List<LossScaleState>();
        foreach (var finite in new[] { true, true, true, true, true, false, true, true, true })
        {
            scaler.Update(finite);
            seen.Add(scaler.State!);
        }
        Assert.Equal(
        [
            new(65536f, 1), new(65536f, 2), new(131072f, 0), new(131072f, 1), new(131072f, 2),
            new(65536f, 0), new(65536f, 1), new(65536f, 2), new(131072f, 0),
        ], seen);
    }

    [Fact]
    public void The_scale_never_grows_past_float32()
    {
        var scaler = LossScaler.For(ScalarType.Float16, new LossScaleState(float.MaxValue / 1.5f, 0), growthInterval: 1);
        scaler.Update(gradientsFinite: true);
        Assert.Equal(new LossScaleState(float.MaxValue / 1.5f, 0), scaler.State);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Clipping_sees_the_unscaled_float16_gradients_of_the_float32_path(int accumulation)
    {
        const double maxNorm = 0.05;
        var fp32 = ClippedStep(Precision.Fp32, LossScaler.Disabled, maxNorm, accumulation);
        // At 65536 this batch's float16 backward overflows (the step would be skipped); 1024 is one the scaler reaches.
        var scaler = LossScaler.For(ScalarType.Float16, new LossScaleState(1024f, 0));
        var fp16 = ClippedStep(Precision.Bf16, scaler, maxNorm, accumulation);

        Assert.True(fp16.Outcome.Applied);
        Assert.Equal(1024f, fp16.Outcome.ScaleBefore);
        var norm32 = fp32.Outcome.GradientNorm!.Value;
        var norm16 = fp16.Outcome.GradientNorm!.Value;
        // Clipping is active (the true norm is well above maxNorm) and sees the same norm, not 1024 times it.
        Assert.True(norm32 > 10 * maxNorm, $"fp32 gradient norm {norm32}");
        Assert.True(Math.Abs(norm16 / norm32 - 1) < 1e-3, $"fp16 norm {norm16} vs fp32 {norm32}");
        Assert.Equal(maxNorm, fp32.ClippedNorm, 1e-4);
        Assert.Equal(maxNorm, fp16.ClippedNorm, 1e-4);
        var cosine = Dot(fp32.Gradients, fp16.Gradients) / (fp32.ClippedNorm * fp16.ClippedNorm);
        Assert.True(cosine > 0.99999, $"clipped gradients point apart: cosine {cosine}");
    }

    [Fact]
    public void Skipped_steps_are_summarised_once_per_epoch()
    {
        var skipped = new SkippedSteps();
        Assert.Null(skipped.TakeSummary(1, 65536f));
        skipped.Record(1234, 65536f, 32768f);
        Assert.Equal("step 1234: gradients overflowed at scale 65536, step skipped, scale now 32768", skipped.TakeSummary(1, 32768f));
        skipped.Record(1300, 32768f, 16384f);
        skipped.Record(1301, 16384f, 8192f);
        skipped.Record(1302, 8192f, 4096f);
        Assert.Equal("epoch 2: 3 steps skipped because gradients overflowed (the first at step 1300, scale 32768), scale now 4096",
            skipped.TakeSummary(2, 4096f));
        Assert.Null(skipped.TakeSummary(3, 4096f));
    }

    private sealed record ClippedResult(StepOutcome Outcome, float[] Gradients, double ClippedNorm);

    // One clipped Adam step from the same initial weights and batch; Bf16 is forced to float16 products here.
    // With accumulation, the batches' gradients are summed (each loss divided by the count, as the epoch loop does).
    private static ClippedResult ClippedStep(Precision precision, LossScaler scaler, double maxNorm, int accumulation)
    {
        using var model = Model(precision, seed: 5);
        using var optimizer = OptimizerRecipe.Adam(1e-3, (0.95, 0.999), 0).Create(model.parameters());
        for (var batch = 0; batch < accumulation; batch++) Backward(model, scaler, dataSeed: 11 + batch, accumulation);
        var parameters = model.parameters().ToArray();
        var outcome = OptimizerStep.Take(parameters, optimizer, scaler, maxNorm);
        var gradients = parameters.SelectMany(p => p.grad!.data<float>().ToArray()).ToArray();
        return new ClippedResult(outcome, gradients, Math.Sqrt(Dot(gradients, gradients)));
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    private static AstModel Model(Precision precision, int seed)
    {
        manual_seed(seed);
        var model = new AstModel(TinyExperiment.Model(Classes));
        model.Precision.Use(precision);
        model.Precision.HalfTypeOverride = ScalarType.Float16;
        model.train();
        return model;
    }

    private static void Backward(AstModel model, LossScaler scaler, int dataSeed, int accumulation = 1)
    {
        var (features, targets) = SyntheticBands.Create(16, Classes, multiLabel: false, seed: dataSeed);
        using (features)
        using (targets)
        using (var loss = LossFunction.Of(LossKind.Ce).Compute(model.forward(features), targets))
            scaler.Scaled(loss / accumulation).backward();
    }

    [Fact]
    public void A_recipe_rejects_accumulation_below_1_and_a_non_positive_clip()
    {
        var recipe = TinyExperiment.Definition(Classes, LossKind.Ce).Recipe;
        var accumulation = Assert.Throws<Errors.TrainingConfigurationException>(() => recipe with { AccumulationSteps = 0 });
        Assert.Equal("train.accumulation: must be at least 1 batch, got 0.", accumulation.Message);
        var clip = Assert.Throws<Errors.TrainingConfigurationException>(() => recipe with { ClipNorm = -1 });
        Assert.Equal("train.clip: must be a positive gradient norm or off, got -1.", clip.Message);
    }
}
