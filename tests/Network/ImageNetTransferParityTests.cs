using AstDsl.Network.Transfer;
using AstDsl.TestSupport;
using Xunit;

namespace AstDsl.Network.Tests;

/// <summary>Our ImageNet transfer reproduces the official AST's transferred state dict for every golden case.</summary>
public sealed class ImageNetTransferParityTests
{
    [Theory]
    [MemberData(nameof(GoldenNetworks.NamesAndNetworks), MemberType = typeof(GoldenNetworks))]
    public void Transfer_from_safetensors_matches_official(string name, bool generated) => AssertTransfer(name, generated, GoldenCases.DeitSafetensors);

    [Theory]
    [MemberData(nameof(GoldenNetworks.NamesAndNetworks), MemberType = typeof(GoldenNetworks))]
    public void Transfer_from_pth_matches_official(string name, bool generated) => AssertTransfer(name, generated, GoldenCases.DeitPth);

    private static void AssertTransfer(string name, bool generated, string checkpoint)
    {
        var caseFile = GoldenCases.CaseFile(name);
        var reference = GoldenCases.FullStateDict(caseFile);
        using var model = GoldenNetworks.Network(name, generated);
        ImageNetTransfer.Apply(model, Golden.PathOf(checkpoint));

        var ours = model.state_dict();
        var compared = 0;
        foreach (var (key, actual) in ours)
        {
            if (key.StartsWith("mlp_head.", StringComparison.Ordinal)) continue;
            var expected = reference[key];
            if (caseFile.ContainsKey(key))
                TensorAssert.Close(actual, expected, 1e-6, $"{name} {key}");
            else
                TensorAssert.Equal(actual, expected, $"{name} {key}");
            compared++;
        }
        // The official 159 keys less the unused ImageNet heads (v.head.*, v.head_dist.*) and the fresh mlp_head.*.
        Assert.Equal(reference.Count - 4 - 4, compared);
        Assert.Equal(reference.Count - 4, ours.Count);
    }
}
