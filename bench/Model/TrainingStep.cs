using AstDsl.Network;
using static TorchSharp.torch;

namespace AstDsl.Bench.Model;

/// <summary>One training step of a model on a fixed random batch: forward, BCE loss, backward, Adam (the official optimiser settings).</summary>
public sealed class TrainingStep : IDisposable
{
    private readonly AstNetwork model;
    private readonly optim.Optimizer optimizer;
    private readonly Tensor input;
    private readonly Tensor target;

    /// <summary>Puts <paramref name="model"/> in training mode with a batch of <paramref name="batch"/> clips of its input shape.</summary>
    public TrainingStep(AstNetwork model, int batch)
    {
        ArgumentNullException.ThrowIfNull(model);
        this.model = model;
        model.train();
        optimizer = optim.Adam(model.parameters(), lr: 1e-5, beta1: 0.95, beta2: 0.999, weight_decay: 5e-7);
        input = randn(batch, model.Options.InputTDim, model.Options.InputFDim);
        target = rand(batch, model.Options.LabelCount);
    }

    /// <summary>Runs one step.</summary>
    public void Run()
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        nn.functional.binary_cross_entropy_with_logits(model.forward(input), target).backward();
        optimizer.step();
    }

    /// <summary>Frees the optimiser and the batch.</summary>
    public void Dispose()
    {
        optimizer.Dispose();
        input.Dispose();
        target.Dispose();
    }
}
