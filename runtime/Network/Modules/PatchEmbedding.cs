using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AstDsl.Network.Modules;

/// <summary>
/// Cuts the spectrogram into (possibly overlapping, possibly rectangular) patches with one strided convolution and projects each to the
/// embedding width. Input (B, 1, F, T); output (B, F_dim * T_dim, D) in frequency-major token order, as the
/// official code (patch (f, t) is token f * T_dim + t).
/// </summary>
public sealed class PatchEmbedding : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d proj;
    private readonly MixedPrecision precision;

    /// <summary>Creates the projection <c>proj</c>: Conv2d(1, width, fpatch x tpatch, stride (fstride, tstride)), computing in <paramref name="precision"/>.</summary>
    public PatchEmbedding(AstOptions options, MixedPrecision precision) : base(nameof(PatchEmbedding))
    {
        this.precision = precision;
        proj = nn.Conv2d(1, options.Width, (options.FPatch, options.TPatch),
            stride: (options.FStride, options.TStride));
        register_module(nameof(proj), proj);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor image)
    {
        using var scope = NewDisposeScope();
        return precision.Conv2d(proj, image).flatten(2).transpose(1, 2).MoveToOuterDisposeScope();
    }
}
