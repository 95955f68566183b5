using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AstDsl.Training.Optimization;

/// <summary>
/// TorchSharp's Adam (same options, state and state-dict format) with a step that is safe against garbage
/// collection during native calls; see <see cref="AdamUpdate"/>.
/// </summary>
public sealed class GcSafeAdam : Adam
{
    /// <summary>Adam over <paramref name="parameters"/> with L2 weight decay added to the gradient, as torch.optim.Adam.</summary>
    public GcSafeAdam(IEnumerable<Parameter> parameters, double lr, double beta1, double beta2, double eps, double weightDecay)
        : base(parameters, lr, beta1, beta2, eps, weightDecay)
    {
    }

    /// <inheritdoc />
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var o = (Options)group.Options;
        var settings = new AdamUpdate.Settings(o.LearningRate!.Value, o.beta1!.Value, o.beta2!.Value, o.eps!.Value, o.weight_decay!.Value, Decoupled: false);
        AdamUpdate.ApplyToGroup(group.Parameters, settings, param =>
        {
            var state = (State)_state[param.Handle];
            state.step += 1;
            return (state.exp_avg, state.exp_avg_sq, state.step);
        });
    }, closure);
}
