using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AstDsl.Model.Modules;

/// <summary>The official <c>mlp_head</c>: LayerNorm (PyTorch's eps 1e-5, unlike the backbone's 1e-6) then Linear to the labels.</summary>
public static class ClassifierHead
{
    /// <summary>LayerNorm epsilon of the classifier head (PyTorch's default; the backbone uses 1e-6).</summary>
    public const double LayerNormEps = 1e-5;

    /// <summary>The head as the official <c>nn.Sequential</c>, so its parameters are <c>0.*</c> and <c>1.*</c>.</summary>
    public static Sequential Create(int width, int labels) => nn.Sequential(
        ("0", nn.LayerNorm(width, eps: LayerNormEps)),
        ("1", nn.Linear(width, labels)));
}
