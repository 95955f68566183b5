using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.autograd;

namespace AstDsl.Network.Modules;

/// <summary>
/// Gradient checkpointing of one transformer block, as PyTorch's reentrant <c>torch.utils.checkpoint</c>: the forward
/// pass runs the block without recording its activations and keeps only its input; the backward pass recomputes the
/// block with gradients on from that input and back-propagates through the recomputation, which adds the block's
/// parameter gradients directly and hands the input gradient on. Activation memory falls from every block's
/// intermediates to one (B, N, D) input per block, for about one more forward pass of compute.
/// </summary>
/// <remarks>
/// The random-number state is saved before the forward pass and restored for the recomputation, so dropout draws the
/// same masks both times and the gradients equal those without checkpointing.
/// </remarks>
public sealed class BlockCheckpoint : SingleTensorFunction<BlockCheckpoint>
{
    private const string BlockKey = "block";
    private const string RandomStateKey = "rng";

    /// <inheritdoc />
    public override string Name => nameof(BlockCheckpoint);

    /// <summary>
    /// <paramref name="block"/> applied to <paramref name="input"/>, recomputed in the backward pass. Only worth it
    /// (and only correct) when <paramref name="input"/> requires gradients: otherwise no backward pass would reach the
    /// block's parameters, so the block then simply runs.
    /// </summary>
    public static Tensor Run(TransformerBlock block, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(input);
        return is_grad_enabled() && input.requires_grad ? apply(input, block) : block.forward(input);
    }

    /// <inheritdoc />
    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(vars);
        var (input, block) = ((Tensor)vars[0], (TransformerBlock)vars[1]);
        ctx.save_for_backward([input]);
        ctx.save_data(BlockKey, block);
        using (var state = get_rng_state()) ctx.save_data(RandomStateKey, state.data<byte>().ToArray());
        return block.forward(input);
    }

    /// <inheritdoc />
    public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var block = (TransformerBlock)ctx.get_data(BlockKey);
        using var forwardState = tensor((byte[])ctx.get_data(RandomStateKey));
        using var saved = ctx.get_saved_variables()[0];
        using var input = saved.detach().requires_grad_(true);
        using var currentState = get_rng_state();
        set_rng_state(forwardState);
        try
        {
            using var gradients = enable_grad();
            using var output = block.forward(input);
            output.backward([grad_output]);
        }
        finally
        {
            set_rng_state(currentState);
        }
        // The returned gradient must outlive this call (libtorch takes it after the return): no scope owns it.
        return [input.grad!.alias().DetachFromDisposeScope(), null!];
    }
}
