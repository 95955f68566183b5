using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AstDsl.Training.Optimization;

/// <summary>
/// Dynamic loss scaling for float16 products (the GradScaler TorchSharp 0.107 lacks), with torch.amp.GradScaler's
/// rules: the loss is multiplied by the scale before the backward pass, so small float16 gradients do not underflow
/// to zero; before the optimiser step the float32 gradients are divided by it again and checked for inf/NaN; a step
/// whose gradients overflowed is skipped and the scale halved; after <see cref="GrowthInterval"/> consecutive good
/// steps the scale doubles.
/// </summary>
/// <remarks>
/// bfloat16 has float32's exponent range and float32 needs no help, so for them <see cref="For"/> returns
/// <see cref="Disabled"/>, whose methods return at once: no multiplication, no gradient pass, no host sync.
/// </remarks>
internal sealed class LossScaler
{
    /// <summary>2^16, GradScaler's init_scale.</summary>
    public const float InitialScale = 65536f;
    /// <summary>GradScaler's growth_interval.</summary>
    public const int DefaultGrowthInterval = 2000;
    private const float GrowthFactor = 2f;
    private const float BackoffFactor = 0.5f;

    private LossScaler(LossScaleState? state, int growthInterval)
    {
        if (growthInterval < 1) throw new ArgumentOutOfRangeException(nameof(growthInterval), growthInterval, "must be at least 1");
        Enabled = state is not null;
        Scale = state?.Scale ?? 1f;
        GrowthTracker = state?.GrowthTracker ?? 0;
        GrowthInterval = growthInterval;
    }

    /// <summary>The scaler of a run whose products compute in float32 or bfloat16: it does nothing.</summary>
    public static LossScaler Disabled { get; } = new(null, DefaultGrowthInterval);

    /// <summary>
    /// The scaler for products computing in <paramref name="computeType"/>: active for float16, continuing from
    /// <paramref name="saved"/> (a resumed run's) or starting at <see cref="InitialScale"/>; otherwise <see cref="Disabled"/>.
    /// </summary>
    public static LossScaler For(ScalarType computeType, LossScaleState? saved = null, int growthInterval = DefaultGrowthInterval) =>
        computeType == ScalarType.Float16 ? new(saved ?? new LossScaleState(InitialScale, 0), growthInterval) : Disabled;

    /// <summary>Whether the loss is scaled at all.</summary>
    public bool Enabled { get; }

    /// <summary>The current factor (1 when disabled).</summary>
    public float Scale { get; private set; }

    /// <summary>Consecutive steps with finite gradients since the scale last changed.</summary>
    public int GrowthTracker { get; private set; }

    /// <summary>Good steps after which the scale grows.</summary>
    public int GrowthInterval { get; }

    /// <summary>What a resumable checkpoint keeps; null when disabled (bf16 and fp32 checkpoints carry nothing).</summary>
    public LossScaleState? State => Enabled ? new LossScaleState(Scale, GrowthTracker) : null;

    /// <summary>The loss to call backward on: <paramref name="loss"/> times the scale, or itself when disabled.</summary>
    public Tensor Scaled(Tensor loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (!Enabled) return loss;
        using var scale = Scale.ToScalar();
        return loss.mul(scale);
    }

    /// <summary>
    /// Divides the gradients of <paramref name="parameters"/> by the scale in place and tells whether all of them are
    /// finite; call it once per optimiser step, after the last accumulated backward pass and before clipping.
    /// </summary>
    /// <remarks>One host sync for all gradients: each contributes a device-side flag, and only their conjunction is read.</remarks>
    public bool UnscaleGradients(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!Enabled) return true;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        // GradScaler's inverse: the reciprocal in double, rounded once to float32.
        using var inverse = ((float)(1.0 / Scale)).ToScalar();
        var finite = new List<Tensor>();
        foreach (var parameter in parameters)
        {
            if (parameter.grad is not { } grad) continue;
            grad.mul_(inverse);
            finite.Add(grad.isfinite().all());
        }
        return finite.Count == 0 || stack(finite).all().item<bool>();
    }

    /// <summary>
    /// Moves the scale after a step: halved (and the good-step count reset) when the gradients were not finite,
    /// doubled after <see cref="GrowthInterval"/> consecutive finite steps unless that would overflow float32.
    /// </summary>
    public void Update(bool gradientsFinite)
    {
        if (!Enabled) return;
        if (!gradientsFinite)
        {
            Scale *= BackoffFactor;
            GrowthTracker = 0;
            return;
        }
        GrowthTracker++;
        if (GrowthTracker < GrowthInterval) return;
        if (float.IsFinite(Scale * GrowthFactor)) Scale *= GrowthFactor;
        GrowthTracker = 0;
    }
}
