using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Network.Tests;

/// <summary>Patchout drops the declared share of patch tokens in training only; evaluation is deterministic and sees every patch.</summary>
public sealed class PatchoutTests
{
    private static AstOptions Small(PatchoutOptions patchout) => TinyGrid.Options with { Patchout = patchout };

    [Theory]
    [InlineData(PatchoutKind.Structured, 1, 3, 0.0, 3 * 5)]
    [InlineData(PatchoutKind.Unstructured, 0, 0, 0.5, 16)]
    [InlineData(PatchoutKind.Unstructured, 0, 0, 0.7, 32 - 22)]
    public void Training_keeps_the_declared_tokens_and_evaluation_all(PatchoutKind kind, int rows, int columns, double share, int kept)
    {
        var options = Small(new PatchoutOptions { Kind = kind, FreqRows = rows, TimeColumns = columns, Share = share });
        Assert.Equal(kept, options.TrainingPatchCount);
        using var model = new AstModel(options);
        using var input = randn(2, 64, 32);
        model.train();
        using (var tokens = model.Tokens(input)) Assert.Equal(new long[] { 2, 1 + kept, 16 }, tokens.shape);
        model.eval();
        using var noGrad = no_grad();
        using (var tokens = model.Tokens(input)) Assert.Equal(new long[] { 2, 1 + 32, 16 }, tokens.shape);
        using var first = model.forward(input);
        using var second = model.forward(input);
        Assert.True(first.allclose(second, rtol: 0, atol: 0));
    }

    [Fact]
    public void Structured_patchout_drops_whole_rows_and_columns_and_keeps_order()
    {
        // Token value = its patch index, so the kept indices can be read back.
        using var tokens = arange(0, 1 + 32, dtype: ScalarType.Float32).reshape(1, 33, 1);
        using var kept = Modules.Patchout.Drop(tokens, 1, 4, 8, new PatchoutOptions { Kind = PatchoutKind.Structured, FreqRows = 1, TimeColumns = 3 });
        var indices = kept.data<float>().Select(v => (int)v).ToArray();
        Assert.Equal(0, indices[0]);
        var patches = indices.Skip(1).Select(i => i - 1).ToArray();
        Assert.Equal(15, patches.Length);
        Assert.Equal(patches.OrderBy(p => p), patches);
        Assert.Equal(3, patches.Select(p => p / 8).Distinct().Count());
        Assert.Equal(5, patches.Select(p => p % 8).Distinct().Count());
        Assert.All(patches.GroupBy(p => p / 8), row => Assert.Equal(patches.Where(p => p / 8 == patches[0] / 8).Select(p => p % 8), row.Select(p => p % 8)));
    }
}
