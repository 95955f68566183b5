using AstDsl.Network;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;
using AstDsl.Training.Loop;
using AstDsl.Training.Optimization;
using AstDsl.Training.Schedules;
using AstDsl.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Training.Tests;

public sealed class CheckpointTests
{
    private static readonly ModelMetadata Metadata = new()
    {
        Experiment = "tiny", Model = TinyExperiment.Model(3), Loss = LossKind.Ce,
        Labels = new[] { new LabelInfo(0, "/m/a", "Dog"), new LabelInfo(1, "/m/b", "Rain"), new LabelInfo(2, "/m/c", "Siren") },
    };

    [Fact]
    public void Resumable_checkpoint_restores_weights_optimizer_rng_and_progress()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "last.astckpt");
        manual_seed(3);
        using var model = new AstModel(Metadata.Model);
        using var optimizer = OptimizerRecipe.Adam(lr: 1e-3, betas: (0.95, 0.999), weightDecay: 5e-7).Create(model.parameters());
        TakeOneStep(model, optimizer);
        var progress = new TrainingProgress { CompletedEpochs = 2, GlobalStep = 17, Schedule = new ScheduleState(5e-4, 0.7, 1) };
        TrainingCheckpoint.SaveResumable(path, model, Metadata, progress, optimizer, ensembleSum: new[] { 1f, 2f, 3f });
        using var expectedRandom = rand(4);

        var loaded = TrainingCheckpoint.Load(path);
        manual_seed(99);
        using var restored = new AstModel(loaded.Metadata.Model);
        using var restoredOptimizer = OptimizerRecipe.Adam(lr: 1e-3, betas: (0.95, 0.999), weightDecay: 5e-7).Create(restored.parameters());
        loaded.RestoreModel(restored);
        loaded.RestoreOptimizer(restoredOptimizer);
        loaded.RestoreRng();

        using var actualRandom = rand(4);
        TensorAssert.Equal(actualRandom, expectedRandom, "random numbers after the restored RNG");
        Assert.Equal(progress, loaded.Progress! with { History = progress.History });
        Assert.Equal(new[] { 1f, 2f, 3f }, loaded.EnsembleSum());
        Assert.Equal("Rain", loaded.Metadata.LabelName(1));
        Assert.Equal(Metadata.Model, loaded.Metadata.Model);
        // One more identical step on both must give identical weights only if the Adam moments came back.
        TakeOneStep(model, optimizer);
        TakeOneStep(restored, restoredOptimizer);
        foreach (var (name, value) in model.state_dict()) TensorAssert.Equal(restored.state_dict()[name], value, name);
    }

    [Fact]
    public void Truncated_checkpoint_is_detected_with_a_clear_error()
    {
        using var temp = new TempDirectory();
        var path = WriteWeights(temp);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<CorruptCheckpointException>(() => TrainingCheckpoint.Load(path));
        Assert.Contains("checksum", error.Message);
        Assert.Contains("move it aside", error.Message);
        Assert.DoesNotContain("delete", error.Message);
        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void A_flipped_byte_is_detected()
    {
        using var temp = new TempDirectory();
        var path = WriteWeights(temp);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(path, bytes);

        Assert.Throws<CorruptCheckpointException>(() => TrainingCheckpoint.Load(path));
    }

    [Fact]
    public void A_file_that_is_not_a_checkpoint_is_rejected()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "notes.astckpt");
        File.WriteAllText(path, "these are not the weights you are looking for, padded to be long enough to pass the size check");
        var error = Assert.Throws<NotACheckpointException>(() => TrainingCheckpoint.Load(path));
        Assert.Contains("is not an AstDsl checkpoint: it is not a checkpoint format AstDsl knows (94 bytes starting with 74 68 65 73", error.Message);
    }

    [Fact]
    public void Weights_only_checkpoint_cannot_resume_and_says_which_file_to_use()
    {
        using var temp = new TempDirectory();
        var loaded = TrainingCheckpoint.Load(WriteWeights(temp));
        Assert.False(loaded.IsResumable);
        using var model = new AstModel(Metadata.Model);
        using var optimizer = OptimizerRecipe.Adam(lr: 1e-5, betas: (0.95, 0.999), weightDecay: 5e-7).Create(model.parameters());
        var error = Assert.Throws<TrainingException>(() => loaded.RestoreOptimizer(optimizer));
        Assert.Contains("last.astckpt", error.Message);
    }

    [Fact]
    public void Checkpoint_rebuilds_the_model_it_was_written_from()
    {
        using var temp = new TempDirectory();
        manual_seed(5);
        using var model = new AstModel(Metadata.Model);
        var path = Path.Combine(temp.Path, "w.astckpt");
        TrainingCheckpoint.SaveWeights(path, model, Metadata);
        using var rebuilt = TrainingCheckpoint.Load(path).CreateModel();
        using var input = randn(2, SyntheticBands.Frames, SyntheticBands.MelBins);
        model.eval();
        TensorAssert.Equal(rebuilt.forward(input), model.forward(input), "logits of the rebuilt model");
    }

    [Fact]
    public void Weights_export_to_safetensors_with_the_official_key_names()
    {
        using var temp = new TempDirectory();
        var loaded = TrainingCheckpoint.Load(WriteWeights(temp));
        var exported = Path.Combine(temp.Path, "model.safetensors");
        loaded.ExportWeights(exported);
        var roundTrip = Network.Checkpoints.StateDictFile.Read(exported);
        var original = loaded.StateDict();
        Assert.Contains("mlp_head.1.weight", roundTrip.Keys);
        foreach (var (key, value) in original) TensorAssert.Equal(roundTrip[key], value, key);
    }

    [Fact]
    public void Writing_leaves_no_temporary_file_behind()
    {
        using var temp = new TempDirectory();
        WriteWeights(temp);
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    private static string WriteWeights(TempDirectory temp)
    {
        var path = Path.Combine(temp.Path, "epoch-1.astckpt");
        using var model = new AstModel(Metadata.Model);
        TrainingCheckpoint.SaveWeights(path, model, Metadata);
        return path;
    }

    private static void TakeOneStep(AstModel model, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        using var scope = NewDisposeScope();
        var generator = new TorchSharp.torch.Generator(11);
        var input = randn(new long[] { 4, SyntheticBands.Frames, SyntheticBands.MelBins }, generator: generator);
        var target = tensor(new long[] { 0, 1, 2, 0 });
        optimizer.zero_grad();
        nn.functional.cross_entropy(model.forward(input), target).backward();
        optimizer.step();
    }
}
