using AstDsl.Network.Transfer;
using AstDsl.TestSupport;
using Xunit;

namespace AstDsl.Network.Tests;

/// <summary>Position embeddings of an AudioSet checkpoint adapted to other input lengths as the official code does (golden C).</summary>
public sealed class AudioSetAdaptationParityTests
{
    private static readonly Lazy<Dictionary<string, TorchSharp.torch.Tensor>> Adapt = new(() => Golden.Load("audioset_adapt.safetensors"));

    [Theory]
    [InlineData(512, true)]
    [InlineData(128, true)]
    [InlineData(100, true)]
    [InlineData(1024, true)]
    [InlineData(2048, false)]
    public void Adapted_position_embeddings_match_official(int frames, bool isCropOrCopy)
    {
        var golden = Adapt.Value;
        var options = AstOptions.ForSize(ModelSize.Base384, 50) with { InputTDim = frames };
        Assert.Equal(golden[$"t_dim_T{frames}"].item<long>(), options.TDim);

        using var adapted = AudioSetTransfer.AdaptPositions(golden["source_pos_embed"], options, "golden source");
        var expected = golden[$"adapted_pos_embed_T{frames}"];
        if (isCropOrCopy)
            TensorAssert.Equal(adapted, expected, $"T{frames}");
        else
            TensorAssert.Close(adapted, expected, 1e-6, $"T{frames}");
    }
}
