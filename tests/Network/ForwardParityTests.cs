using AstDsl.Network.Transfer;
using AstDsl.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Network.Tests;

/// <summary>With the official weights loaded, our forward pass reproduces the official pooled embedding and logits.</summary>
public sealed class ForwardParityTests
{
    [Theory]
    [MemberData(nameof(GoldenNetworks.NamesAndNetworks), MemberType = typeof(GoldenNetworks))]
    public void Output_and_pooled_match_official(string name, bool generated)
    {
        var caseFile = GoldenCases.CaseFile(name);
        using var model = GoldenNetworks.Network(name, generated);
        Assert.Equal(GoldenCases.Options(name), model.Options);
        AstStateDict.Load(model, GoldenCases.FullStateDict(caseFile), $"golden {name}");
        model.eval();
        using var noGrad = no_grad();

        TensorAssert.RelativelyClose(model.Pool(caseFile["input"]), caseFile["pooled"], 1e-5, $"{name} pooled");
        TensorAssert.RelativelyClose(model.forward(caseFile["input"]), caseFile["output"], 1e-5, $"{name} output");
        // The probe makes the head LayerNorm's eps (1e-5, unlike the backbone's 1e-6) visible.
        TensorAssert.Close(model.Head(caseFile["probe_head_input"]), caseFile["probe_head_output"], 1e-5, $"{name} probe head");
    }

    [Fact]
    public void Train_mode_equals_eval_mode_with_zero_dropout()
    {
        var caseFile = GoldenCases.CaseFile("sc128");
        using var model = new AstModel(GoldenCases.Options("sc128"));
        AstStateDict.Load(model, GoldenCases.FullStateDict(caseFile), "golden sc128");
        using var noGrad = no_grad();
        model.train();
        TensorAssert.RelativelyClose(model.forward(caseFile["input"]), caseFile["output"], 1e-5, "sc128 output in train()");
    }
}
