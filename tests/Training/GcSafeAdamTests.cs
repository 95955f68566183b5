using AstDsl.TestSupport;
using AstDsl.Training.Optimization;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Training.Tests;

/// <summary>Our Adam/AdamW step equals TorchSharp's bit for bit, and survives garbage collection during native calls.</summary>
public sealed class GcSafeAdamTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Steps_equal_torchsharp_bit_for_bit(bool decoupled)
    {
        var (ours, oursParams) = Linear(seed: 5);
        var (theirs, theirsParams) = Linear(seed: 5);
        using var a = new GcSafeAdam(oursParams, 1e-2, 0.95, 0.999, 1e-8, 5e-2, decoupledWeightDecay: decoupled);
        using OptimizerHelper b = decoupled
            ? optim.AdamW(theirsParams, 1e-2, 0.95, 0.999, 1e-8, 5e-2)
            : optim.Adam(theirsParams, 1e-2, 0.95, 0.999, 1e-8, 5e-2);
        manual_seed(9);
        using var x = randn(32, 8);
        using var y = randn(32, 3);
        for (var step = 0; step < 25; step++)
        {
            Train(ours, a, x, y);
            Train(theirs, b, x, y);
        }
        foreach (var (p, q) in oursParams.Zip(theirsParams))
            Assert.True(p.eq(q).all().item<bool>(), "parameters diverged from TorchSharp's optimizer");
    }

    [Fact]
    public void Resumes_from_torchsharp_adamw_state_bit_for_bit()
    {
        // Runs trained before Adam and AdamW were merged saved an AdamW state dict; it must restore unchanged.
        var (ours, oursParams) = Linear(seed: 5);
        var (theirs, theirsParams) = Linear(seed: 5);
        using var b = optim.AdamW(theirsParams, 1e-2, 0.95, 0.999, 1e-8, 5e-2);
        manual_seed(9);
        using var x = randn(32, 8);
        using var y = randn(32, 3);
        for (var step = 0; step < 5; step++) Train(theirs, b, x, y);
        using (no_grad())
            foreach (var (p, q) in oursParams.Zip(theirsParams)) p.copy_(q);
        using var saved = new MemoryStream();
        b.save_state_dict(new BinaryWriter(saved));
        using var a = new GcSafeAdam(oursParams, 1e-2, 0.95, 0.999, 1e-8, 5e-2, decoupledWeightDecay: true);
        a.LoadStateDict(saved.ToArray());
        for (var step = 0; step < 10; step++)
        {
            Train(ours, a, x, y);
            Train(theirs, b, x, y);
        }
        foreach (var (p, q) in oursParams.Zip(theirsParams))
            Assert.True(p.eq(q).all().item<bool>(), "parameters diverged after restoring TorchSharp's AdamW state");
    }

    [Fact]
    public async Task Survives_collections_on_another_thread()
    {
        // TorchSharp's own Adam fails this ("Expected false to be true ... toDouble") well before 3000 steps.
        // 21 layers: many Scalar-taking native calls per step (TorchSharp's Adam crashes on this within seconds).
        manual_seed(1);
        var model = nn.Sequential(Enumerable.Range(0, 20)
            .Select(i => ($"hidden{i}", (nn.Module<Tensor, Tensor>)nn.Linear(8, 8)))
            .Append(("out", nn.Linear(8, 3))).ToArray());
        var parameters = model.parameters().ToArray();
        using var optimizer = new GcSafeAdam(parameters, 1e-3, 0.9, 0.999, 1e-8, 5e-7, decoupledWeightDecay: false);
        using var x = randn(4, 8);
        using var y = randn(4, 3);
        await GcPressure.WhileCollecting(3000, _ => Train(model, optimizer, x, y));
        Assert.All(parameters, p => Assert.False(p.isnan().any().item<bool>()));
    }

    private static (nn.Module<Tensor, Tensor> Model, Parameter[] Parameters) Linear(int seed)
    {
        manual_seed(seed);
        var model = nn.Linear(8, 3);
        return (model, model.parameters().ToArray());
    }

    private static void Train(nn.Module<Tensor, Tensor> model, OptimizerHelper optimizer, Tensor x, Tensor y)
    {
        using (NewDisposeScope())
        {
            optimizer.zero_grad();
            nn.functional.mse_loss(model.forward(x), y).backward();
        }
        optimizer.step()?.Dispose();
    }
}
