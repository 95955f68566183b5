using System.Text.RegularExpressions;
using AstDsl.CodeGen.Emit;
using AstDsl.Dsl.Tests.Support;
using AstDsl.Network;
using AstDsl.Models.Generated;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Dsl.Tests.Generation;

/// <summary>The network class each spec generates: its shape, its state dict, its numbers, and how it reads.</summary>
public sealed class GeneratedNetworkTests
{
    [Fact]
    public void The_generated_demo_file_matches_its_snapshot()
    {
        var spec = SpecCompiler.Load(Specs.Shipped("demo")).Spec!;
        var generated = Normalise(ExperimentEmitter.Render(spec));
        var snapshot = Normalise(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Generation", "Snapshots", "demo.g.cs.txt")));
        Assert.Equal(snapshot, generated);
    }

    [Fact]
    public void The_demo_network_has_the_inferred_parameters_and_the_official_state_dict()
    {
        using var network = new DemoNetwork();
        Assert.Equal(DemoExperiment.ParameterCount, network.parameters().Sum(p => p.numel()));
        Assert.Equal(DemoNetwork.StateDictKeys, network.state_dict().Keys);
        Assert.Equal(DemoExperiment.ModelOptions, network.Options);
    }

    [Fact]
    public void The_demo_network_computes_what_the_hand_written_model_computes_with_the_same_weights()
    {
        using var network = new DemoNetwork();
        using var reference = new AstModel(DemoExperiment.ModelOptions);
        using (no_grad()) reference.load_state_dict(network.state_dict());
        network.eval();
        reference.eval();
        using var frames = randn(2, DemoNetwork.Frames, DemoNetwork.MelBins);

        using var output = network.forward(frames);
        using var expected = reference.forward(frames);

        Assert.Equal(new long[] { 2, DemoNetwork.Labels }, output.shape);
        Assert.True(output.equal(expected).all().item<bool>(), "generated and hand-written networks differ");
    }

    [Fact]
    public void The_patchout_demo_network_drops_patches_in_training_and_evaluates_deterministically_on_all()
    {
        Assert.Equal((125, 64), (DemoPatchoutExperiment.TokenCount, DemoPatchoutExperiment.TrainingTokenCount));
        using var network = new DemoPatchoutNetwork();
        Assert.Equal(DemoPatchoutExperiment.ParameterCount, network.parameters().Sum(p => p.numel()));
        using var reference = new AstModel(DemoPatchoutExperiment.ModelOptions with { Patchout = new PatchoutOptions() });
        using (no_grad()) reference.load_state_dict(network.state_dict());
        reference.eval();
        using var frames = randn(2, DemoPatchoutNetwork.Frames, DemoPatchoutNetwork.MelBins);
        using var noGrad = no_grad();
        using var expected = reference.forward(frames);

        network.eval();
        using (var first = network.forward(frames))
        using (var second = network.forward(frames))
            Assert.True(first.equal(expected).all().item<bool>() && second.equal(expected).all().item<bool>(), "evaluation must see every patch");
        network.train();
        using var training = network.forward(frames);
        Assert.False(training.allclose(expected), "training without dropout differs from evaluation only by the dropped patches");
    }

    [Fact]
    public void The_experiment_creates_its_generated_network()
    {
        using var model = new DemoExperiment().CreateModel();
        Assert.IsType<DemoNetwork>(model);
    }

    // The hash and the generator's version change with the spec text and the build, not with the generator's output shape.
    private static string Normalise(string source) =>
        Regex.Replace(Regex.Replace(source.Replace("\r\n", "\n"), "Hash = @\"[0-9a-f]+\"", "Hash = @\"<hash>\""),
            "GeneratedCode\\(\"AstDsl.CodeGen\", @\"[0-9.]+\"\\)", "GeneratedCode(\"AstDsl.CodeGen\", @\"<version>\")");
}
