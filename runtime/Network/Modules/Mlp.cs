using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AstDsl.Network.Modules;

/// <summary>Transformer feed-forward: <c>fc1</c> Linear(D, rD), exact (erf) GELU, <c>fc2</c> Linear(rD, D).</summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    private readonly Linear fc1;
    private readonly GELU act;
    private readonly Linear fc2;
    private readonly Dropout drop;
    private readonly MixedPrecision precision;

    /// <summary>Creates the two projections, computing in the backbone's <paramref name="precision"/>; hidden width is Width * MlpRatio.</summary>
    public Mlp(AstOptions options, MixedPrecision precision) : base(nameof(Mlp))
    {
        this.precision = precision;
        var hidden = options.Width * options.MlpRatio;
        fc1 = nn.Linear(options.Width, hidden);
        act = nn.GELU(); // the erf form: timm 0.4.5 uses nn.GELU() with its default, not the tanh approximation
        fc2 = nn.Linear(hidden, options.Width);
        drop = nn.Dropout(options.DropRate);
        register_module(nameof(fc1), fc1);
        register_module(nameof(act), act);
        register_module(nameof(fc2), fc2);
        register_module(nameof(drop), drop);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var hidden = drop.forward(act.forward(precision.Linear(fc1, x)));
        return drop.forward(precision.Linear(fc2, hidden)).MoveToOuterDisposeScope();
    }
}
