using AstDsl.Network.Modules;
using AstDsl.Network.Pretraining;
using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Training.Pretraining;

/// <summary>
/// SSAST's two masked patch objectives on one masked forward pass. The targets are the input's own patches (the
/// normalised log-mel pixels under each patch, never seen by the trunk). MPC: the discriminative head's vector for
/// masked position j is scored against every masked patch of the same clip by dot product, and InfoNCE asks it to
/// pick patch j (as the SSAST paper's equation; its code normalises over the other axis). MPG: the generative head
/// reconstructs the pixels, scored by mean squared error. SSAST runs the two objectives on separately masked
/// passes; one shared mask halves the cost, which matters on a CPU.
/// </summary>
/// <param name="Mpc">InfoNCE loss (scalar).</param>
/// <param name="Mpg">Reconstruction MSE (scalar).</param>
/// <param name="Accuracy">Share of masked positions whose MPC vector scores its own patch highest (scalar).</param>
public sealed record MaskedPatchLosses(Tensor Mpc, Tensor Mpg, Tensor Accuracy) : IDisposable
{
    /// <summary>Both losses for <paramref name="frames"/> (B, T, F) with the patches at <paramref name="positions"/> (B, count) masked.</summary>
    public static MaskedPatchLosses Compute(MaskedPatchModel model, Tensor frames, Tensor positions)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(positions);
        using var scope = NewDisposeScope();
        var options = model.Options;
        var outputs = model.EncodeMasked(frames, PatchMasking.Dense(positions, options.PatchCount));
        var hidden = outputs.gather(1, positions.unsqueeze(-1).expand(-1, -1, options.Width));
        var patches = PatchPixels(frames, options);
        var truth = patches.gather(1, positions.unsqueeze(-1).expand(-1, -1, patches.shape[2])).detach();
        var (mpc, accuracy) = InfoNce(model.Discriminate(hidden), truth);
        var mpg = nn.functional.mse_loss(model.Generate(hidden), truth);
        return new MaskedPatchLosses(mpc.MoveToOuterDisposeScope(), mpg.MoveToOuterDisposeScope(), accuracy.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// InfoNCE of <paramref name="predictions"/> (B, M, P) against the clip's masked <paramref name="patches"/> (B, M, P):
    /// prediction j must score patch j above the clip's other masked patches. Returns the loss and the accuracy.
    /// </summary>
    public static (Tensor Loss, Tensor Accuracy) InfoNce(Tensor predictions, Tensor patches)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(patches);
        using var scope = NewDisposeScope();
        var (batch, masked) = (predictions.shape[0], predictions.shape[1]);
        var scores = predictions.bmm(patches.transpose(1, 2));
        var own = tensor(Enumerable.Range(0, (int)masked).Select(j => (long)j).ToArray(), device: predictions.device).expand(batch, -1);
        var loss = nn.functional.cross_entropy(scores.reshape(batch * masked, masked), own.reshape(-1));
        var accuracy = scores.argmax(-1).eq(own).to_type(ScalarType.Float32).mean();
        return (loss.MoveToOuterDisposeScope(), accuracy.MoveToOuterDisposeScope());
    }

    /// <summary>The weighted sum <c>mpc * MPC + mpg * MPG</c> the optimiser minimises.</summary>
    public Tensor Total(MaskedPatchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var mpcWeight = settings.MpcWeight.ToScalar();
        using var mpgWeight = settings.MpgWeight.ToScalar();
        using var scope = NewDisposeScope();
        return Mpc.mul(mpcWeight).add(Mpg.mul(mpgWeight), HeldScalars.One).MoveToOuterDisposeScope();
    }

    // The pixels under each patch (B, patches, Pf*Pt), in the patch embedding's frequency-major order.
    private static Tensor PatchPixels(Tensor frames, AstOptions options) =>
        nn.functional.unfold(SpectrogramTokens.Image(frames), (options.FPatch, options.TPatch),
            stride: (options.FStride, options.TStride)).transpose(1, 2);

    /// <summary>Frees the three tensors.</summary>
    public void Dispose()
    {
        Mpc.Dispose();
        Mpg.Dispose();
        Accuracy.Dispose();
    }
}
