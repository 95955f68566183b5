using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AstDsl.Network.Modules;

/// <summary>
/// The autocast TorchSharp 0.107 lacks, for this network: one object, shared by the blocks of a backbone, that runs
/// the matrix products (Linear, the patch convolution, and with them attention, whose q/k/v come out of a Linear) in
/// 16-bit floats when <see cref="Precision"/> is <see cref="Contract.Precision.Bf16"/>, and plainly otherwise.
/// </summary>
/// <remarks>
/// Weights stay float32 parameters (the master copy): each product casts them with a differentiable <c>to</c>, so
/// gradients arrive in float32, the optimiser state stays float32 and checkpoints load anywhere. A product returns
/// its 16-bit result; adding it to the float32 residual stream promotes back to float32 (as PyTorch's autocast),
/// so LayerNorm, the residual additions, the head and the loss compute in float32. bfloat16 on CPU (AVX-512 BF16
/// kernels); float16 on CUDA, where tensor cores take it on every generation (the same switch; float16 gradients can
/// underflow, so the trainer scales the loss whenever <see cref="ComputeType"/> is float16; bf16 needs no scaling).
/// With <see cref="Use"/>(..., frozenWeights: true) the 16-bit weights are cast once and kept while gradients are
/// off: inference would otherwise spend about a tenth of a base384 forward re-casting 86 M weights.
/// </remarks>
public sealed class MixedPrecision : IDisposable
{
    private readonly Dictionary<Parameter, Tensor> _frozen = new(ReferenceEqualityComparer.Instance);
    private bool _frozenWeights;

    /// <summary>The arithmetic of the products; <see cref="Contract.Precision.Fp32"/> until <see cref="Use"/> says otherwise.</summary>
    public Precision Precision { get; private set; } = Precision.Fp32;

    /// <summary>
    /// Computes in <paramref name="precision"/> from now on. <paramref name="frozenWeights"/> promises the weights no
    /// longer change (inference after the model is loaded and placed on its device): their 16-bit casts are then kept.
    /// </summary>
    public void Use(Precision precision, bool frozenWeights = false)
    {
        ReleaseFrozen();
        Precision = precision;
        _frozenWeights = frozenWeights;
    }

    /// <summary>The 16-bit type products use on <paramref name="device"/>: bfloat16, or float16 on CUDA.</summary>
    public static ScalarType HalfType(DeviceType device) => device == DeviceType.CUDA ? ScalarType.Float16 : ScalarType.BFloat16;

    /// <summary>The type this object's products compute in on <paramref name="device"/>: float32, or the 16-bit type.</summary>
    public ScalarType ComputeType(DeviceType device) => Precision == Precision.Fp32 ? ScalarType.Float32 : Half(device);

    // Tests force float16 on the CPU (libtorch's CPU kernels run it, slowly) to exercise the float16 path a CUDA
    // machine takes; null keeps the device's own choice.
    internal ScalarType? HalfTypeOverride { get; set; }

    private ScalarType Half(DeviceType device) => HalfTypeOverride ?? HalfType(device);

    /// <summary><paramref name="layer"/> applied to <paramref name="input"/> in this precision.</summary>
    public Tensor Linear(Linear layer, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(input);
        if (Precision == Precision.Fp32) return layer.forward(input);
        using var scope = NewDisposeScope();
        var half = Half(input.device_type);
        return nn.functional.linear(input.to(half), Weight(layer.weight, half), Weight(layer.bias, half)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <paramref name="layer"/> applied to <paramref name="input"/> in this precision; zero padding only (the patch
    /// projection's), which <see cref="Conv2d"/> states instead of silently ignoring another mode.
    /// </summary>
    public Tensor Conv2d(Conv2d layer, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(input);
        if (Precision == Precision.Fp32) return layer.forward(input);
        if (layer.padding_mode != PaddingModes.Zeros || layer.padding_type is not null)
            throw new NotSupportedException("mixed precision supports zero-padded convolutions with explicit padding only");
        using var scope = NewDisposeScope();
        var half = Half(input.device_type);
        return nn.functional.conv2d(input.to(half), Weight(layer.weight, half), Weight(layer.bias, half),
            layer.stride, layer.padding, layer.dilation, layer.groups).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Scaled dot-product attention (scale 1/sqrt(head_dim)) of (B, heads, N, head_dim) <paramref name="query"/>,
    /// <paramref name="key"/> and <paramref name="value"/> in this precision; in <paramref name="training"/> mode with
    /// <paramref name="dropout"/> on the weights, otherwise without.
    /// </summary>
    /// <remarks>
    /// float32, float16 on CUDA, and any precision outside training take libtorch's fused kernel. bfloat16 training on
    /// a CPU takes the three products instead: measured at 1214 tokens x 12 heads, batch 4, forward and backward take
    /// 182 ms that way against the fused kernel's 220 ms, whose bfloat16 backward is the slow part; in inference the
    /// fused kernel is the faster (15 ms against 19 ms at batch 1) and never writes the N x N weights (70 MB per base384
    /// layer at batch 1). The choice follows the mode, not whether gradients are on, so gradient checkpointing's
    /// recomputation runs the very arithmetic of its first pass.
    /// </remarks>
    public Tensor Attention(Tensor query, Tensor key, Tensor value, double dropout, bool training)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var p = training ? dropout : 0.0;
        if (!training || Precision == Precision.Fp32 || query.device_type != DeviceType.CPU)
            return nn.functional.scaled_dot_product_attention(query, key, value, p: p);
        using var scope = NewDisposeScope();
        using var scale = (1.0 / Math.Sqrt(query.shape[^1])).ToScalar();
        // Scaling q (N x head_dim) rather than the N x N scores; softmax accumulates in float32 inside libtorch.
        var weights = query.mul(scale).matmul(key.transpose(-2, -1)).softmax(-1);
        if (p > 0) weights = nn.functional.dropout(weights, p, training: true);
        return weights.matmul(value).MoveToOuterDisposeScope();
    }

    /// <summary>Releases the kept 16-bit weights.</summary>
    public void Dispose() => ReleaseFrozen();

    // Differentiable while gradients are on (the cast's backward turns the 16-bit gradient into a float32 one); the
    // kept cast only when gradients are off, so a frozen model that is trained after all still gets gradients.
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(weight))]
    private Tensor? Weight(Parameter? weight, ScalarType half)
    {
        if (weight is null) return null;
        if (!_frozenWeights || is_grad_enabled()) return weight.to(half);
        if (!_frozen.TryGetValue(weight, out var cast) || cast.device_type != weight.device_type || cast.dtype != half)
        {
            if (cast is not null) cast.Dispose();
            // Kept across calls, so out of the caller's dispose scope (which would otherwise free it after this call).
            cast = weight.detach().to(half).DetachFromDisposeScope();
            _frozen[weight] = cast;
        }
        // An alias the caller's scope may dispose; the kept tensor stays.
        return cast.alias();
    }

    private void ReleaseFrozen()
    {
        foreach (var cast in _frozen.Values) cast.Dispose();
        _frozen.Clear();
    }
}
