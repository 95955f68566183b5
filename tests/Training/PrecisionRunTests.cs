using AstDsl.Training.Checkpoints;
using AstDsl.Training.Loop;
using AstDsl.Training.Runs;
using Xunit;
using static TorchSharp.torch;

namespace AstDsl.Training.Tests;

/// <summary><c>train.precision = bf16</c> with <c>gradient_checkpointing = on</c> trains and still writes float32 checkpoints.</summary>
public sealed class PrecisionRunTests
{
    [Fact]
    public void A_bf16_run_with_checkpointing_writes_float32_checkpoints()
    {
        using var temp = new TempDirectory();
        using var data = new TinyExperiment.Data(3, multiLabel: false, trainClips: 32, evalClips: 16);
        var tiny = TinyExperiment.Definition(3, LossKind.Ce, epochs: 1);
        var definition = tiny with { Train = tiny.Train with { Precision = Precision.Bf16, GradientCheckpointing = true } };
        var run = RunDirectory.Create(temp.Path, definition.Name, DateTime.UtcNow, definition.ResolvedSpecYaml);

        var result = Trainer.Train(TinyExperiment.Setup(definition, data, run), new RecordingReporter());

        Assert.True(double.IsFinite(result.History[0].TrainLoss) && result.History[0].TrainLoss > 0);
        using var model = TrainingCheckpoint.Load(run.BestCheckpoint).CreateModel();
        Assert.All(model.parameters(), p => Assert.Equal(ScalarType.Float32, p.dtype));
    }
}
