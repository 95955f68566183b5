using AstDsl.Training.Optimization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AstDsl.Training.Loop;

/// <summary>What one optimiser step did.</summary>
/// <param name="Applied">False when the gradients overflowed and the optimiser was not stepped.</param>
/// <param name="ScaleBefore">The loss scale the gradients were computed with (1 without scaling).</param>
/// <param name="ScaleAfter">The loss scale for the next step.</param>
/// <param name="GradientNorm">The total norm clipping saw (the true, unscaled one); null without clipping or when skipped.</param>
internal readonly record struct StepOutcome(bool Applied, float ScaleBefore, float ScaleAfter, double? GradientNorm);

/// <summary>
/// The optimiser step at the end of the accumulated batches: unscale and check the gradients, clip the true gradients,
/// step (or skip an overflowed step), move the loss scale. The caller zeroes the gradients afterwards.
/// </summary>
internal static class OptimizerStep
{
    public static StepOutcome Take(IReadOnlyList<Parameter> parameters, OptimizerHelper optimizer, LossScaler scaler, double? clipNorm)
    {
        var scaleBefore = scaler.Scale;
        var finite = scaler.UnscaleGradients(parameters);
        double? norm = null;
        if (finite)
        {
            if (clipNorm is { } maxNorm) norm = nn.utils.clip_grad_norm_(parameters, maxNorm);
            optimizer.step()?.Dispose();
        }
        scaler.Update(finite);
        return new StepOutcome(finite, scaleBefore, scaler.Scale, norm);
    }
}
