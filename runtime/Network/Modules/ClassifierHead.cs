using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AstDsl.Network.Modules;

/// <summary>
/// The official <c>mlp_head</c>: LayerNorm then Linear to the labels. Its epsilon follows the weights' convention
/// (<see cref="AstOptions.HeadLayerNormEps"/>: PyTorch's 1e-5 in the official code, unlike the backbone's 1e-6).
/// </summary>
public static class ClassifierHead
{
    /// <summary>The head as the official <c>nn.Sequential</c>, so its parameters are <c>0.*</c> and <c>1.*</c>.</summary>
    public static Sequential Create(AstOptions options) => nn.Sequential(
        ("0", nn.LayerNorm(options.Width, eps: options.HeadLayerNormEps)),
        ("1", nn.Linear(options.Width, options.LabelCount)));
}
