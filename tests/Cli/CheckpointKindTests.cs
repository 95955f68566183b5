using AstDsl.Network;
using AstDsl.Network.Checkpoints;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Errors;
using Xunit;
using static AstDsl.Cli.Tests.DamagedInputTests;
using static TorchSharp.torch;

namespace AstDsl.Cli.Tests;

/// <summary>Issue 8 item 14: a file that is not an AstDsl checkpoint is named for what it is, with how to use it; only a proven-damaged one is called damaged.</summary>
public sealed class CheckpointKindTests(TinyModelFixture tiny) : IClassFixture<TinyModelFixture>
{
    public static TheoryData<string, string> ImageNetWeights => new()
    {
        { "deit.pth", "a PyTorch checkpoint (torch.save zip, " },
        { "deit.safetensors", "a safetensors file (" },
    };

    [Theory]
    [MemberData(nameof(ImageNetWeights))]
    public void ImageNet_weights_are_named_with_how_to_use_them(string name, string description)
    {
        var path = tiny.File(name);
        using (var weight = zeros(4, 3, 2, 2)) StateDictFile.Write(path, new Dictionary<string, Tensor> { ["patch_embed.proj.weight"] = weight });

        Assert.Equal(StateDictFamily.ImageNetVit, CheckpointFileKind.Detect(path).Family);

        var outcome = Astc.Run("infer", path, tiny.GoodWav);
        AssertHandled(outcome, 2, $"{path} is not an AstDsl checkpoint: it is {description}");
        Assert.Contains($" holding timm ViT/DeiT ImageNet weights. To train from these ImageNet weights, name the file in a spec's model block: pretrain imagenet \"{path}\".",
            outcome.Error);
    }

    [Theory]
    [InlineData("ast.pth", "module.v.patch_embed.proj.weight")]
    [InlineData("ast.safetensors", "v.patch_embed.proj.weight")]
    public void Incomplete_official_ast_weights_say_what_is_missing(string name, string key)
    {
        // Official AST files are imported directly (released checkpoints); one that lacks tensors says which.
        var path = tiny.File(name);
        using (var weight = zeros(4, 1, 2, 2)) StateDictFile.Write(path, new Dictionary<string, Tensor> { [key] = weight });

        Assert.Equal(StateDictFamily.Ast, CheckpointFileKind.Detect(path).Family);

        var outcome = Astc.Run("infer", path, tiny.GoodWav);
        AssertHandled(outcome, 2, $"{path}: has no transformer blocks ('v.blocks.N.*'); is it an AST checkpoint?");
    }

    [Fact]
    public void An_astdsl_checkpoint_is_recognised_by_its_signature()
    {
        var kind = CheckpointFileKind.Detect(tiny.Checkpoint);
        Assert.Equal(CheckpointFileFormat.AstDsl, kind.Format);
        Assert.Equal(new FileInfo(tiny.Checkpoint).Length, kind.Length);
    }

    [Fact]
    public void A_checkpoint_of_another_shape_names_both_shapes_and_is_not_called_damaged()
    {
        var loaded = TrainingCheckpoint.Load(tiny.Checkpoint);
        using var wider = new AstModel(tiny.Options with { Width = 32, Heads = 4 });
        var error = Assert.Throws<CheckpointShapeException>(() => loaded.RestoreModel(wider));
        Assert.Equal(
            $"checkpoint {tiny.Checkpoint} holds a model of another shape (width 16, depth 1, heads 2, mlp ratio 4, patch 16 x 16, positions grid, stride 16 x 16, " +
            "input 64 frames x 32 mel bins, 3 labels, tokens cls) than the model it is loaded into (width 32, depth 1, heads 4, mlp ratio 4, " +
            "patch 16 x 16, positions grid, stride 16 x 16, input 64 frames x 32 mel bins, 3 labels, tokens cls); the file itself is fine. " +
            "Use the spec that wrote it (the run's spec.yaml), or start a new run for the new shape.",
            error.Message);
    }
}
