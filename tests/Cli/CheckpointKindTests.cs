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
    public static TheoryData<string, string, string> ForeignWeights => new()
    {
        { "deit.pth", "patch_embed.proj.weight", "a PyTorch checkpoint (torch.save zip, " },
        { "deit.safetensors", "patch_embed.proj.weight", "a safetensors file (" },
        { "ast.pth", "module.v.patch_embed.proj.weight", "a PyTorch checkpoint (torch.save zip, " },
        { "ast.safetensors", "v.patch_embed.proj.weight", "a safetensors file (" },
    };

    [Theory]
    [MemberData(nameof(ForeignWeights))]
    public void Foreign_weights_are_named_with_how_to_use_them(string name, string key, string description)
    {
        var path = tiny.File(name);
        using (var weight = zeros(4, 3, 2, 2)) StateDictFile.Write(path, new Dictionary<string, Tensor> { [key] = weight });
        var ast = key.Contains("v.", StringComparison.Ordinal);

        var kind = CheckpointFileKind.Detect(path);
        Assert.Equal(ast ? StateDictFamily.Ast : StateDictFamily.ImageNetVit, kind.Family);

        var outcome = Astc.Run("infer", path, tiny.GoodWav);
        AssertHandled(outcome, 2, $"{path} is not an AstDsl checkpoint: it is {description}");
        Assert.Contains(ast
            ? $" holding official AST weights. To train from these weights, name the file in a spec's model block: pretrain audioset \"{path}\"."
            : $" holding timm ViT/DeiT ImageNet weights. To train from these ImageNet weights, name the file in a spec's model block: pretrain imagenet \"{path}\".",
            outcome.Error);
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
            $"checkpoint {tiny.Checkpoint} holds a model of another shape (width 16, depth 1, heads 2, mlp ratio 4, patch 16, stride 16 x 16, " +
            "input 64 frames x 32 mel bins, 3 labels, tokens cls) than the model it is loaded into (width 32, depth 1, heads 4, mlp ratio 4, " +
            "patch 16, stride 16 x 16, input 64 frames x 32 mel bins, 3 labels, tokens cls); the file itself is fine. " +
            "Use the spec that wrote it (the run's spec.yaml), or start a new run for the new shape.",
            error.Message);
    }
}
