using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Training.Optimization;

/// <summary>
/// One Adam update of one parameter (torch.optim.Adam's arithmetic, AMSGrad off), written so that every
/// <see cref="Scalar"/> it passes to native code stays referenced until that call has returned.
/// </summary>
/// <remarks>
/// TorchSharp 0.107's own Adam/AdamW build their Scalars implicitly (<c>add_(grad, alpha: 1 - beta1)</c>). A
/// temporary Scalar is unreachable as soon as its handle is read, so a garbage collection during the native call
/// can finalize it and free the native value while libtorch still reads it: training then dies at random with
/// "Expected false to be true ... toDouble" (reproduced here within a few thousand steps whenever another thread
/// allocates, as the prefetching loader does). <c>using</c> keeps each Scalar alive to the end of the update.
/// </remarks>
internal static class AdamUpdate
{
    /// <summary>Hyper-parameters of one step.</summary>
    public readonly record struct Settings(double LearningRate, double Beta1, double Beta2, double Eps, double WeightDecay, bool Decoupled);

    /// <summary>
    /// Updates every parameter of a group that has a gradient; <paramref name="advance"/> increments and returns the
    /// parameter's optimiser state (moment buffers and 1-based step count).
    /// </summary>
    public static void ApplyToGroup(IEnumerable<TorchSharp.Modules.Parameter> parameters, Settings settings,
        Func<TorchSharp.Modules.Parameter, (Tensor ExpAvg, Tensor ExpAvgSq, long Step)> advance)
    {
        foreach (var param in parameters)
        {
            using var grad = param.grad;
            if (grad is null) continue;
            var (expAvg, expAvgSq, step) = advance(param);
            Apply(param, grad, expAvg, expAvgSq, step, settings);
        }
    }

    /// <summary>Updates <paramref name="param"/> in place from its gradient; <paramref name="step"/> is the 1-based step count after increment.</summary>
    public static void Apply(Tensor param, Tensor gradient, Tensor expAvg, Tensor expAvgSq, long step, Settings s)
    {
        using var scope = NewDisposeScope();
        var biasCorrection1 = 1 - Math.Pow(s.Beta1, step);
        var biasCorrection2 = 1 - Math.Pow(s.Beta2, step);
        using var beta1 = s.Beta1.ToScalar();
        using var oneMinusBeta1 = (1 - s.Beta1).ToScalar();
        using var beta2 = s.Beta2.ToScalar();
        using var oneMinusBeta2 = (1 - s.Beta2).ToScalar();
        using var eps = s.Eps.ToScalar();
        using var stepSize = (-s.LearningRate / biasCorrection1).ToScalar();
        using var sqrtBiasCorrection2 = Math.Sqrt(biasCorrection2).ToScalar();

        var grad = gradient;
        if (s.WeightDecay != 0)
        {
            if (s.Decoupled)
            {
                using var shrink = (1 - s.LearningRate * s.WeightDecay).ToScalar();
                param.mul_(shrink);
            }
            else
            {
                using var decay = s.WeightDecay.ToScalar();
                grad = gradient.add(param, decay);
            }
        }
        expAvg.mul_(beta1).add_(grad, oneMinusBeta1);
        expAvgSq.mul_(beta2).addcmul_(grad, grad, oneMinusBeta2);
        // add_(Scalar) alone would make its alpha = 1 implicitly, which is exactly the hazard this class avoids.
        var denominator = expAvgSq.sqrt().div_(sqrtBiasCorrection2).add_(eps, HeldScalars.One);
        param.addcdiv_(expAvg, denominator, stepSize);
    }
}
