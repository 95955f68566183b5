using AstDsl.Audio.Augment;
using AstDsl.Network;
using AstDsl.Training.Data;
using AstDsl.Training.Experiments;
using AstDsl.Training.Loop;
using AstDsl.Training.Optimization;
using AstDsl.Training.Runs;
using AstDsl.Training.Schedules;

namespace AstDsl.Training.Tests;

/// <summary>A tiny AST (2 blocks, width 32, 4 patches) on synthetic bands, small enough to train in seconds.</summary>
internal static class TinyExperiment
{
    public static AstOptions Model(int classes, double dropRate = 0) => new()
    {
        LabelCount = classes, InputTDim = SyntheticBands.Frames, InputFDim = SyntheticBands.MelBins,
        FStride = 16, TStride = 16, Width = 32, Depth = 2, Heads = 2, DropRate = dropRate,
    };

    public static ExperimentDefinition Definition(int classes, LossKind loss, int epochs = 4, double lr = 1e-3,
        int seed = 7, double dropRate = 0) => new()
    {
        Name = "tiny",
        SpecDirectory = Path.GetTempPath(),
        ResolvedSpecYaml = "experiment: tiny\n",
        Model = Model(classes, dropRate),
        Data = new DataSettings { TrainFile = "train.json", EvalFile = "eval.json", LabelCsv = "labels.csv" },
        Train = new TrainSettings
        {
            Loss = loss, Epochs = epochs, BatchSize = 16, Seed = seed,
        },
        // Tensor batches never pass through the clip recipe; the rest is what a generated experiment writes.
        Recipe = new TrainingRecipe
        {
            Clips = ClipRecipe.FrontEndOnly,
            Loss = LossFunction.Of(loss),
            Optimizer = OptimizerRecipe.Adam(lr, betas: (0.95, 0.999), weightDecay: 5e-7),
            Schedule = ScheduleRecipe.MultiStep(start: 2, step: 1, gamma: 0.8),
        },
        Evaluation = new EvaluationSettings { MainMetric = loss == LossKind.Ce ? "acc" : "mAP", Ensemble = true },
    };

    public sealed class Data : IDisposable
    {
        private readonly TorchSharp.torch.Tensor[] _tensors;

        public Data(int classes, bool multiLabel, int seed = 1, int trainClips = 192, int evalClips = 96)
        {
            var (trainX, trainY) = SyntheticBands.Create(trainClips, classes, multiLabel, seed);
            var (evalX, evalY) = SyntheticBands.Create(evalClips, classes, multiLabel, seed + 1000);
            _tensors = new[] { trainX, trainY, evalX, evalY };
            Train = new TensorBatchSource(trainX, trainY, batchSize: 16, shuffle: true, seed: seed);
            Eval = new TensorBatchSource(evalX, evalY, batchSize: 32, shuffle: false);
            EvalTargets = evalY;
        }

        public TensorBatchSource Train { get; }
        public TensorBatchSource Eval { get; }
        public TorchSharp.torch.Tensor EvalTargets { get; }

        public void Dispose()
        {
            foreach (var t in _tensors) t.Dispose();
        }
    }

    public static TrainerSetup Setup(ExperimentDefinition definition, Data data, RunDirectory run, bool resume = false) => new()
    {
        Definition = definition,
        CreateModel = () => new AstModel(definition.Model),
        Train = data.Train,
        Eval = data.Eval,
        Run = run,
        Resume = resume,
    };
}
