using AstDsl.Network.Checkpoints;
using AstDsl.Network.Transfer;
using AstDsl.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Network.Tests;

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

    [Theory]
    [InlineData(12, 512, 10, 85)]   // t_dim 42 < 85: the time axis is cropped
    [InlineData(16, 512, 8, 64)]    // t_dim 32 < 64: cropped
    [InlineData(16, 2048, 8, 64)]   // t_dim 128 > 64: the time axis is resized bilinearly
    [InlineData(14, 1024, 9, 73)]   // same grid: copied
    public void Any_stride_checkpoint_adapts_by_the_official_rule(int stride, int frames, int sourceF, int sourceT)
    {
        // An AudioSet checkpoint of stride s (128 x 1024 input) has (112/s + 1) x (1008/s + 1) positions.
        var source = new AstOptions { LabelCount = 527, InputTDim = 1024, FStride = stride, TStride = stride, Width = 48, Depth = 1, Heads = 4 };
        Assert.Equal((sourceF, sourceT), (source.FDim, source.TDim));
        manual_seed(5);
        using var audioset = new AstModel(source);
        var path = Path.Combine(dir, $"audioset_{stride}_{stride}.pth");
        StateDictFile.Write(path, AstStateDict.Of(audioset).ToDictionary(kv => "module." + kv.Key, kv => kv.Value));

        using var model = new AstModel(source with { LabelCount = 50, InputTDim = frames });
        AudioSetTransfer.Apply(model, path);

        var (f, t) = (model.Options.FDim, model.Options.TDim);
        Assert.Equal(sourceF, f);
        var theirs = audioset.state_dict()["v.pos_embed"];
        var grid = theirs[.., 2..].transpose(1, 2).reshape(1, 48, sourceF, sourceT);
        // Official rule: time crop [T/2 - t/2, +t) when t < T, else bilinear (align_corners false); the frequency axis is unchanged here.
        var fitted = t < sourceT
            ? grid[.., .., .., (sourceT / 2 - t / 2)..(sourceT / 2 - t / 2 + t)]
            : nn.functional.interpolate(grid, [sourceF, t], mode: InterpolationMode.Bilinear, align_corners: false);
        var expected = cat(new[] { theirs[.., ..2], fitted.reshape(1, 48, f * t).transpose(1, 2) }, 1);
        var ours = model.state_dict()["v.pos_embed"];
        if (t <= sourceT) TensorAssert.Equal(ours, expected, $"stride {stride}, {frames} frames");
        else TensorAssert.Close(ours, expected, 1e-6, $"stride {stride}, {frames} frames");
        TensorAssert.Equal(model.state_dict()["v.blocks.0.attn.qkv.weight"], audioset.state_dict()["v.blocks.0.attn.qkv.weight"], "blocks copied");
    }

    [Fact]
    public void Non_audioset_grid_is_rejected_naming_the_length_and_strides_tried()
    {
        using var small = new AstModel(new AstOptions { LabelCount = 3, InputTDim = 128, Width = 48, Depth = 1, Heads = 4 });
        var path = Path.Combine(dir, "small.safetensors");
        StateDictFile.Write(path, AstStateDict.Of(small));
        using var model = new AstModel(new AstOptions { LabelCount = 3, InputTDim = 512, Width = 48, Depth = 1, Heads = 4 });
        var error = Assert.Throws<CheckpointException>(() => AudioSetTransfer.Apply(model, path));
        Assert.Equal($"{path}: its position embeddings hold 144 patch positions, but no patch stride gives that many for 128 mel bins x 1024 frames " +
                     "with 16x16 patches (tried strides 1..16 in both axes; stride 10: 12 x 101 = 1212, stride 12: 10 x 85 = 850, " +
                     "stride 14: 9 x 73 = 657, stride 16: 8 x 64 = 512). 'v.pos_embed' has 146 rows (2 special tokens); an AudioSet AST " +
                     "checkpoint is trained on 128 mel bins x 1024 frames. For a checkpoint fine-tuned on other input, use it as a model " +
                     "(astc import) or pretrain imagenet.", error.Message);
    }
}
