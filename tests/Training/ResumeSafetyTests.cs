using System.Diagnostics;
using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;
using AstDsl.Training.Loop;
using AstDsl.Training.Runs;
using Xunit;

namespace AstDsl.Training.Tests;

/// <summary>Issue 8.9 and 8.15: a resume continues the run's own experiment, and a damaged run gets advice that works.</summary>
public sealed class ResumeSafetyTests
{
    private const string RunSpec = "experiment: demo\nspec: /a/demo.ast\nspec_hash: 1\ndata:\n  train: /d/train.json\ntrain:\n  lr: 0.002\n  betas:\n  - 0.9\n  - 0.999\n  epochs: 35\n";

    [Fact]
    public void A_different_spec_is_refused_naming_each_differing_field()
    {
        using var temp = new TempDirectory();
        var run = RunDirectory.CreateAt(Path.Combine(temp.Path, "run"), RunSpec);
        var changed = RunSpec.Replace("lr: 0.002", "lr: 0.001").Replace("epochs: 35", "epochs: 40");

        var error = Assert.Throws<RunDirectoryException>(() => ResumeCompatibility.Check(run, changed, allowChange: false));

        Assert.Equal($"run directory {run.Path}: was trained with another spec; SPEC differs from its spec.yaml in: " +
                     "train.lr: 0.002 in the run, 0.001 in SPEC; train.epochs: 35 in the run, 40 in SPEC. Resume with the spec the " +
                     "run was started with, start a new run, or pass --allow-spec-change to continue with SPEC's values.", error.Message);
        Assert.Equal(2, ResumeCompatibility.Check(run, changed, allowChange: true).Count);
    }

    [Fact]
    public void The_same_experiment_from_another_file_with_other_number_spelling_resumes()
    {
        using var temp = new TempDirectory();
        var run = RunDirectory.CreateAt(Path.Combine(temp.Path, "run"), RunSpec);
        var same = RunSpec.Replace("spec: /a/demo.ast", "spec: /b/copy.ast").Replace("spec_hash: 1", "spec_hash: 2").Replace("lr: 0.002", "lr: 2E-03");

        Assert.Empty(ResumeCompatibility.Check(run, same, allowChange: false));
    }

    [Fact]
    public void A_damaged_last_checkpoint_says_what_can_still_be_used_instead_of_deleting_it()
    {
        using var temp = new TempDirectory();
        using var data = new TinyExperiment.Data(3, multiLabel: false, trainClips: 16, evalClips: 16);
        var definition = TinyExperiment.Definition(3, LossKind.Ce, epochs: 2);
        var run = RunDirectory.Create(temp.Path, "damaged", DateTime.UtcNow, definition.ResolvedSpecYaml);
        File.WriteAllBytes(run.LastCheckpoint, "ASTCKPT\n but cut short"u8.ToArray());

        var error = Assert.Throws<RunDirectoryException>(() =>
            Trainer.Train(TinyExperiment.Setup(definition, data, run, resume: true), new RecordingReporter()));

        Assert.StartsWith($"run directory {run.Path}: its resumable checkpoint {run.LastCheckpoint} is damaged (it is truncated: ", error.Message);
        Assert.EndsWith("The run cannot continue exactly without it: epoch-N.astckpt and best.astckpt hold weights only, not the optimiser " +
                        "and schedule state. They still work with `astc eval` and `astc infer`; to train again, start a new run with `astc run SPEC`.", error.Message);
        Assert.True(File.Exists(run.LastCheckpoint), "the damaged file is left for the user to inspect");
    }

    [Fact]
    public void Temporaries_of_a_killed_writer_are_removed_on_the_next_start_but_not_those_of_a_live_one()
    {
        using var temp = new TempDirectory();
        var run = RunDirectory.CreateAt(Path.Combine(temp.Path, "run"), RunSpec);
        using var finished = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        finished.WaitForExit();
        var stale = Path.Combine(run.CheckpointsDirectory, $"last.astckpt.tmp-{finished.Id}");
        var live = Path.Combine(run.CheckpointsDirectory, $"epoch-3.astckpt.tmp-{Environment.ProcessId}");
        File.WriteAllText(stale, "half a checkpoint");
        File.WriteAllText(live, "being written");

        RunDirectory.Open(run.Path);

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(live));
    }
}
