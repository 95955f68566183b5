using AstDsl.Training.Checkpoints;
using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;
using AstDsl.Training.Loop;
using AstDsl.Training.Runs;
using Xunit;

namespace AstDsl.Training.Tests;

/// <summary>
/// Issue 8.4: a full disk mid-run. The failure is real: the checkpoint writer's temporary file is a link to /dev/full,
/// where every write fails with ENOSPC.
/// </summary>
public sealed class DiskFullTests
{
    [Fact]
    public void A_full_disk_names_the_file_keeps_earlier_checkpoints_and_says_how_to_resume()
    {
        if (!File.Exists("/dev/full")) return; // Linux only; other systems have no always-full device
        using var temp = new TempDirectory();
        using var data = new TinyExperiment.Data(3, multiLabel: false, trainClips: 16, evalClips: 16);
        var tiny = TinyExperiment.Definition(3, LossKind.Ce, epochs: 2);
        // Epoch checkpoints are kept (train.keep_checkpoints), so epoch 2's is the file the full disk refuses.
        var definition = tiny with { Train = tiny.Train with { KeepCheckpoints = 2 } };
        var run = RunDirectory.Create(temp.Path, "full", DateTime.UtcNow, definition.ResolvedSpecYaml);
        File.CreateSymbolicLink(Path.Combine(run.CheckpointsDirectory, $"epoch-2.astckpt.tmp-{Environment.ProcessId}"), "/dev/full");

        var error = Assert.Throws<RunWriteException>(() => Trainer.Train(TinyExperiment.Setup(definition, data, run), new RecordingReporter()));

        Assert.True(error.DiskFull);
        Assert.Equal($"could not write {run.EpochCheckpoint(2)}: the disk is full (no space left on the device). Checkpoints written " +
                     $"before are intact (a checkpoint takes its name only once complete). Free some space, then continue with: " +
                     $"astc run SPEC --resume {run.Path}", error.ForRun(run.Path).Message);
        Assert.Equal(1, TrainingCheckpoint.Load(run.LastCheckpoint).Progress!.CompletedEpochs);
        Assert.False(File.Exists(run.EpochCheckpoint(2)));
    }
}
