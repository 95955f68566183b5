using AstDsl.Network.Checkpoints;
using AstDsl.Network.Transfer;
using AstDsl.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Network.Tests;

/// <summary>Saving and loading keeps a model bit-identical, in both file formats, and bad files are explained.</summary>
public sealed class CheckpointRoundTripTests : IDisposable
{
    private static readonly AstOptions Small = new() { LabelCount = 6, InputTDim = 64, Width = 32, Depth = 2, Heads = 4 };
    private readonly string dir = Directory.CreateTempSubdirectory("astdsl-ckpt-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData("model.safetensors")]
    [InlineData("model.pth")]
    public void Save_then_load_gives_identical_outputs(string fileName)
    {
        manual_seed(1);
        using var original = new AstModel(Small);
        using var restored = new AstModel(Small);
        var path = Path.Combine(dir, fileName);
        StateDictFile.Write(path, AstStateDict.Of(original));
        AstStateDict.Load(restored, path);

        original.eval();
        restored.eval();
        using var input = randn(2, 64, 128);
        using var noGrad = no_grad();
        TensorAssert.Equal(restored.forward(input), original.forward(input), "round-trip logits");
        Assert.Empty(Directory.GetFiles(dir, "*.tmp-*"));
    }

    [Fact]
    public void Official_wrappers_prefixes_and_unused_heads_are_accepted()
    {
        using var model = new AstModel(Small);
        var wrapped = AstStateDict.Of(model).ToDictionary(kv => "module." + kv.Key, kv => kv.Value);
        wrapped["module.v.head.weight"] = zeros(1000, 32);
        wrapped["module.v.head_dist.bias"] = zeros(1000);
        var path = Path.Combine(dir, "official.pth");
        StateDictFile.Write(path, wrapped);
        using var other = new AstModel(Small);
        AstStateDict.Load(other, path);
        TensorAssert.Equal(other.state_dict()["v.pos_embed"], model.state_dict()["v.pos_embed"], "pos_embed");
    }

    [Fact]
    public void Missing_file_names_the_path()
    {
        var path = Path.Combine(dir, "absent.pth");
        var error = Assert.Throws<CheckpointException>(() => StateDictFile.Read(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("not found", error.Message);
    }

    [Fact]
    public void Garbage_file_is_not_a_checkpoint()
    {
        var path = Path.Combine(dir, "garbage.pth");
        File.WriteAllText(path, "this is not a zip archive");
        var error = Assert.Throws<CheckpointException>(() => StateDictFile.Read(path));
        Assert.Contains("not a readable PyTorch checkpoint", error.Message);
    }

    [Fact]
    public void Checkpoint_of_another_width_names_key_and_shapes()
    {
        using var wide = new AstModel(Small with { Width = 64 });
        var path = Path.Combine(dir, "wide.safetensors");
        StateDictFile.Write(path, AstStateDict.Of(wide));
        using var model = new AstModel(Small);
        var error = Assert.Throws<CheckpointException>(() => AstStateDict.Load(model, path));
        Assert.Contains("expects [1, 1, 32]", error.Message);
        Assert.Contains("[1, 1, 64]", error.Message);
    }

    [Fact]
    public void Timm_checkpoint_is_not_a_full_ast_checkpoint()
    {
        using var model = new AstModel(GoldenCases.Options("sc128"));
        var error = Assert.Throws<CheckpointException>(() => AstStateDict.Load(model, Golden.PathOf(GoldenCases.DeitSafetensors)));
        Assert.Contains("pretrain imagenet", error.Message);
    }

    [Fact]
    public void Imagenet_checkpoint_of_other_depth_is_explained()
    {
        using var model = new AstModel(GoldenCases.Options("sc128") with { Depth = 6 });
        var error = Assert.Throws<CheckpointException>(() => ImageNetTransfer.Apply(model, Golden.PathOf(GoldenCases.DeitSafetensors)));
        Assert.Contains("12 transformer blocks but the spec asks for depth 6", error.Message);
    }
}
