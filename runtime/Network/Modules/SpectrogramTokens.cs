using static TorchSharp.torch;

namespace AstDsl.Network.Modules;

/// <summary>The reshapes around the backbone, as the official forward: frames to image, tokens to one clip embedding.</summary>
public static class SpectrogramTokens
{
    /// <summary>(B, T, F) frames as a (B, 1, F, T) image: height is frequency, width is time.</summary>
    public static Tensor Image(Tensor frames) => frames.unsqueeze(1).transpose(2, 3);

    /// <summary>The class token's output (B, D), for a plain ViT.</summary>
    public static Tensor ClassToken(Tensor tokens) => tokens[.., 0];

    /// <summary>
    /// The mean of the class and distillation token outputs (B, D), for DeiT-distilled backbones. A mean over the
    /// token axis rather than "/ 2": no managed Scalar temporaries on the hot path.
    /// </summary>
    public static Tensor ClassAndDistillationMean(Tensor tokens) => tokens[.., ..2].mean(new long[] { 1 });
}
