using System.Text;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AstDsl.Training.Optimization;

/// <summary>
/// TorchSharp's Adam, or AdamW with <see cref="DecoupledWeightDecay"/>, with a step that is safe against garbage
/// collection during native calls; see <see cref="AdamUpdate"/>.
/// </summary>
/// <remarks>
/// TorchSharp's Adam and AdamW share options, state and state-dict format (they differ only in where the weight decay
/// goes), so one class serves both; <see cref="LoadStateDict"/> restores a state dict saved by any of them.
/// </remarks>
public sealed class GcSafeAdam : Adam
{
    // Type names TorchSharp writes at the head of an Adam-family state dict (GcSafeAdamW: runs saved before the merge).
    private static readonly HashSet<string> AdamFamily = ["Adam", "AdamW", nameof(GcSafeAdam), "GcSafeAdamW"];

    /// <summary>
    /// Adam over <paramref name="parameters"/>: with <paramref name="decoupledWeightDecay"/> the weights shrink by
    /// lr * weightDecay each step (torch.optim.AdamW), otherwise weightDecay * weights is added to the gradient
    /// (torch.optim.Adam's L2 decay).
    /// </summary>
    public GcSafeAdam(IEnumerable<Parameter> parameters, double lr, double beta1, double beta2, double eps, double weightDecay, bool decoupledWeightDecay)
        : base(parameters, lr, beta1, beta2, eps, weightDecay)
    {
        DecoupledWeightDecay = decoupledWeightDecay;
    }

    /// <summary>Whether weight decay shrinks the weights directly (AdamW) instead of adding to the gradient (Adam).</summary>
    public bool DecoupledWeightDecay { get; }

    /// <summary>
    /// Restores moments, step counts and options from a state dict written by this class, TorchSharp's Adam or AdamW,
    /// or the former GcSafeAdamW: TorchSharp's own load_state_dict refuses any type name but this class's.
    /// </summary>
    public void LoadStateDict(byte[] saved)
    {
        using var original = new BinaryReader(new MemoryStream(saved, writable: false));
        var savedBy = original.ReadString();
        if (!AdamFamily.Contains(savedBy))
            throw new InvalidDataException($"the optimiser state was saved by '{savedBy}', not by Adam or AdamW.");
        var body = (int)original.BaseStream.Position;
        using var renamed = new MemoryStream(saved.Length);
        using (var writer = new BinaryWriter(renamed, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(nameof(GcSafeAdam));
            writer.Write(saved, body, saved.Length - body);
        }
        renamed.Position = 0;
        using var reader = new BinaryReader(renamed);
        load_state_dict(reader);
    }

    /// <inheritdoc />
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var o = (Options)group.Options;
        var settings = new AdamUpdate.Settings(o.LearningRate!.Value, o.beta1!.Value, o.beta2!.Value, o.eps!.Value, o.weight_decay!.Value, DecoupledWeightDecay);
        AdamUpdate.ApplyToGroup(group.Parameters, settings, param =>
        {
            var state = (State)_state[param.Handle];
            state.step += 1;
            return (state.exp_avg, state.exp_avg_sq, state.step);
        });
    }, closure);
}
