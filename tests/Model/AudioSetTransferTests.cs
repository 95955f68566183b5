using AstDsl.Model.Checkpoints;
using AstDsl.Model.Transfer;
using AstDsl.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Model.Tests;

/// <summary>An AudioSet-trained AST checkpoint moves to a new input length and label count.</summary>
public sealed class AudioSetTransferTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("astdsl-as-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Backbone_is_copied_positions_adapted_and_head_fresh()
    {
        // A narrow model keeps the test fast; the 12 x 101 grid is what makes it an AudioSet checkpoint.
        var source = new AstOptions { LabelCount = 527, InputTDim = 1024, Width = 48, Depth = 2, Heads = 4 };
        manual_seed(3);
        using var audioset = new AstModel(source);
        var path = Path.Combine(dir, "audioset.pth");
        StateDictFile.Write(path, AstStateDict.Of(audioset).ToDictionary(kv => "module." + kv.Key, kv => kv.Value));

        var target = source with { LabelCount = 50, InputTDim = 512 };
        using var model = new AstModel(target);
        var freshHead = model.state_dict()["mlp_head.1.weight"].clone();
        AudioSetTransfer.Apply(model, path);

        var ours = model.state_dict();
        var theirs = audioset.state_dict();
        TensorAssert.Equal(ours["v.blocks.1.mlp.fc2.weight"], theirs["v.blocks.1.mlp.fc2.weight"], "block weights");
        TensorAssert.Equal(ours["v.patch_embed.proj.weight"], theirs["v.patch_embed.proj.weight"], "patch weights");
        TensorAssert.Equal(ours["mlp_head.1.weight"], freshHead, "head untouched");
        // t_dim 50 < 101: columns [25, 75) of the 12 x 101 grid, frequency rows unchanged.
        var grid = theirs["v.pos_embed"][.., 2..].reshape(1, 12, 101, 48);
        var expected = cat(new[] { theirs["v.pos_embed"][.., ..2], grid[.., .., 25..75].reshape(1, 600, 48) }, 1);
        TensorAssert.Equal(ours["v.pos_embed"], expected, "cropped positions");
    }

    [Fact]
    public void Non_audioset_grid_is_rejected_with_the_expected_size()
    {
        using var small = new AstModel(new AstOptions { LabelCount = 3, InputTDim = 128, Width = 48, Depth = 1, Heads = 4 });
        var path = Path.Combine(dir, "small.safetensors");
        StateDictFile.Write(path, AstStateDict.Of(small));
        using var model = new AstModel(new AstOptions { LabelCount = 3, InputTDim = 512, Width = 48, Depth = 1, Heads = 4 });
        var error = Assert.Throws<CheckpointException>(() => AudioSetTransfer.Apply(model, path));
        Assert.Contains("has 1214", error.Message);
    }
}
