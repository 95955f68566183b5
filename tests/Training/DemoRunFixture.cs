using AstDsl.Audio.Augment;
using AstDsl.Audio.Demo;
using AstDsl.Network;
using AstDsl.Training.Experiments;
using AstDsl.Training.Optimization;
using AstDsl.Training.Schedules;

namespace AstDsl.Training.Tests;

/// <summary>
/// Writes a small demo dataset (runtime/Audio's synthetic sound events) and trains a tiny AST on it once through
/// <see cref="ExperimentRunner"/>, for the end-to-end tests to inspect.
/// </summary>
public sealed class DemoRunFixture : IDisposable
{
    private readonly TempDirectory _temp = new();

    public DemoRunFixture()
    {
        Demo = DemoDataset.Write(Path.Combine(_temp.Path, "demo"), seed: 3, new DemoOptions { TrainClips = 240, EvalClips = 80 });
        Definition = DefinitionFor(Demo, epochs: 8);
        Result = ExperimentRunner.Run(Definition, () => new AstModel(Definition.Model),
            new RunOptions { RunsRoot = Path.Combine(_temp.Path, "runs"), Device = "cpu" });
    }

    public DemoDatasetResult Demo { get; }
    public ExperimentDefinition Definition { get; }
    public RunResult Result { get; }
    public string Root => _temp.Path;

    public static ExperimentDefinition DefinitionFor(DemoDatasetResult demo, int epochs) => new()
    {
        Name = "demo",
        SpecDirectory = Path.GetDirectoryName(demo.Train)!,
        ResolvedSpecYaml = "experiment: demo\n",
        Model = new AstOptions
        {
            LabelCount = 10, InputFDim = 64, InputTDim = 256, FStride = 16, TStride = 16,
            Width = 64, Depth = 2, Heads = 4,
        },
        Features = new FeatureSettings { MelBins = 64, TargetLength = 256 },
        Data = new DataSettings { TrainFile = "train.json", EvalFile = "eval.json", LabelCsv = "class_labels_indices.csv", Workers = 2 },
        Train = new TrainSettings
        {
            Loss = LossKind.Bce, Epochs = epochs, BatchSize = 16, Seed = 11,
            WeightAveraging = (epochs - 2, epochs),
            KeepCheckpoints = 3,
        },
        Evaluation = new EvaluationSettings { MainMetric = "mAP", Ensemble = true },
        Recipe = new TrainingRecipe
        {
            Clips = ClipRecipe.FrontEndOnly, // no augmentation; the front end normalises with features.mean/std
            Loss = LossFunction.BinaryCrossEntropy,
            Optimizer = OptimizerRecipe.Adam(lr: 3e-3, betas: (0.95, 0.999), weightDecay: 5e-7),
            Schedule = ScheduleRecipe.MultiStep(start: 5, step: 1, gamma: 0.7),
        },
    };

    public void Dispose() => _temp.Dispose();
}
