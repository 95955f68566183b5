using AstDsl.Audio.Demo;
using AstDsl.Network;
using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;
using AstDsl.Training.Runs;
using Xunit;

namespace AstDsl.Training.Tests;

/// <summary>Issue 8.8, 8.13, 8.17: the data is checked, for every fold, before anything trains.</summary>
public sealed class RunPreflightTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly DemoDatasetResult _demo;

    public RunPreflightTests() =>
        _demo = DemoDataset.Write(Path.Combine(_temp.Path, "demo"), seed: 5, new DemoOptions { TrainClips = 6, EvalClips = 4 });

    public void Dispose() => _temp.Dispose();

    private string Folder => Path.GetDirectoryName(_demo.Train)!;
    private string RunsRoot => Path.Combine(_temp.Path, "runs");
    private ExperimentDefinition Definition => DemoRunFixture.DefinitionFor(_demo, epochs: 1) with
    {
        Train = DemoRunFixture.DefinitionFor(_demo, epochs: 1).Train with { WeightAveraging = null },
    };

    private RunResult Run(ExperimentDefinition definition) =>
        ExperimentRunner.Run(definition, () => new AstModel(definition.Model), new RunOptions { RunsRoot = RunsRoot, Device = "cpu" });

    [Fact]
    public void An_empty_train_set_is_refused_naming_the_datafile_and_its_field()
    {
        File.WriteAllText(Path.Combine(Folder, "empty.json"), "{\"data\": []}");
        var definition = Definition with { Data = Definition.Data with { TrainFile = "empty.json" } };

        var error = Assert.Throws<DataFileException>(() => Run(definition));

        Assert.Equal("data.train", error.Setting);
        Assert.Equal($"data.train = \"empty.json\": {Path.Combine(Folder, "empty.json")} lists no clips (its \"data\" array is empty); " +
                     "add entries or point data.train at another datafile.", error.Message);
        Assert.False(Directory.Exists(RunsRoot), "no run folder, report or checkpoint for a refused run");
    }

    [Fact]
    public void A_missing_fold_2_datafile_is_found_before_fold_1_trains()
    {
        File.Copy(_demo.Train, Path.Combine(Folder, "train_1.json"));
        File.Copy(_demo.Eval, Path.Combine(Folder, "eval_1.json"));
        File.Copy(_demo.Eval, Path.Combine(Folder, "eval_2.json"));
        var definition = Definition with
        {
            Data = Definition.Data with { TrainFile = "train_{fold}.json", EvalFile = "eval_{fold}.json", Folds = new[] { 1, 2 } },
        };

        var error = Assert.Throws<DataFileException>(() => Run(definition));

        Assert.Equal($"data.train = \"train_2.json\": not found: there is no file {Path.Combine(Folder, "train_2.json")} " +
                     $"(relative paths start at the spec's folder, {Folder}).", error.Message);
        Assert.False(Directory.Exists(RunsRoot));
    }

    [Fact]
    public void A_folder_where_the_label_csv_should_be_is_called_a_directory()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "labels"));
        var definition = Definition with { Data = Definition.Data with { LabelCsv = "labels" } };

        var error = Assert.Throws<DataFileException>(() => RunPreflight.Check(definition));

        Assert.Equal($"data.label_csv = \"labels\": {Path.Combine(Folder, "labels")} is a directory, not a file; point data.label_csv at the file inside it.", error.Message);
    }

    [Fact]
    public void A_missing_pretrained_checkpoint_is_named_by_its_field_before_training()
    {
        var definition = Definition with { Pretrain = new PretrainSettings { Kind = PretrainKind.ImageNet, CheckpointPath = "deit.pth" } };

        var error = Assert.Throws<DataFileException>(() => Run(definition));

        Assert.Equal("model.pretrain", error.Setting);
        Assert.StartsWith($"model.pretrain = \"deit.pth\": not found: there is no file {Path.Combine(Folder, "deit.pth")}", error.Message);
        Assert.False(Directory.Exists(RunsRoot));
    }

    [Fact]
    public void Clips_at_another_rate_without_resampling_give_one_warning_per_dataset_with_the_count()
    {
        var slow = DemoDataset.Write(Path.Combine(_temp.Path, "slow"), seed: 6, new DemoOptions { TrainClips = 5, EvalClips = 3, SampleRate = 8000 });
        var definition = DemoRunFixture.DefinitionFor(slow, epochs: 1);

        var warnings = RunPreflight.Check(definition);

        Assert.Equal(2, warnings.Count);
        Assert.StartsWith($"5 of 5 clips of data.train ({slow.Train}) are not at features.sample_rate 16000 Hz (e.g. ", warnings[0]);
        Assert.EndsWith(": 8000 Hz); they are used at their own rate, which changes their frames and mel scale. " +
                        "Set `resample = on` in the features block to resample them.", warnings[0]);
        Assert.StartsWith("3 of 3 clips of data.eval", warnings[1]);
        Assert.Empty(RunPreflight.Check(definition with { Features = definition.Features with { Resample = true } }));
    }

    [Fact]
    public void A_train_set_whose_every_clip_is_skipped_is_refused_instead_of_training_on_nothing()
    {
        var broken = Path.Combine(Folder, "broken.json");
        var clips = Enumerable.Range(0, 3).Select(i =>
        {
            var wav = Path.Combine(Folder, $"broken{i}.wav");
            File.WriteAllText(wav, "not audio");
            return $"{{\"wav\": \"broken{i}.wav\", \"labels\": \"/m/demo00\"}}";
        });
        File.WriteAllText(broken, "{\"data\": [" + string.Join(",", clips) + "]}");
        var definition = Definition with { Data = Definition.Data with { TrainFile = "broken.json", OnBadFile = BadFilePolicy.Skip } };

        var error = Assert.Throws<DataFileException>(() => Run(definition));

        Assert.StartsWith($"data.train = \"broken.json\": none of its 3 clips could be read; `on_bad_file = skip` left out every one (first: {Folder}", error.Message);
        Assert.EndsWith(". Fix the audio files or the datafile.", error.Message);
        Assert.Empty(Directory.GetFiles(RunsRoot, "best.astckpt", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(RunsRoot, "report.md", SearchOption.AllDirectories));
    }
}
