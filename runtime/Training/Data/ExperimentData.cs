using AstDsl.Audio.Data;
using AstDsl.Audio.Features;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;

namespace AstDsl.Training.Data;

/// <summary>The datasets of an experiment: training batches (augmented, shuffled or weighted), evaluation batches and the class list.</summary>
public sealed class ExperimentData : IDisposable
{
    private readonly ClipPipeline _pipeline;

    private ExperimentData(ClipPipeline pipeline, AudioBatchSource train, AudioBatchSource eval, IReadOnlyList<LabelInfo> labels)
    {
        _pipeline = pipeline;
        Train = train;
        Eval = eval;
        Labels = labels;
    }

    /// <summary>Training batches.</summary>
    public AudioBatchSource Train { get; }
    /// <summary>Evaluation batches (no augmentation, file order, twice the training batch size as the official code).</summary>
    public AudioBatchSource Eval { get; }
    /// <summary>Class list from the label CSV.</summary>
    public IReadOnlyList<LabelInfo> Labels { get; }

    /// <summary>
    /// Opens the datafiles of <paramref name="definition"/>; paths resolve against its spec folder. <paramref name="warn"/>
    /// hears what the feature cache reports (a folder that cannot be written, a damaged entry); the run goes on.
    /// </summary>
    /// <exception cref="TrainingConfigurationException">Model and features disagree, or the <c>{fold}</c> rule is broken.</exception>
    public static ExperimentData Open(ExperimentDefinition definition, Action<string>? warn = null)
    {
        CheckShapes(definition);
        if (FoldPlaceholder.Problem(definition.Data) is { } folds) throw new TrainingConfigurationException("data.folds", folds);
        var data = definition.Data;
        var labelCsv = DataFileLocator.Existing(definition, data.LabelCsv, "data.label_csv");
        var labels = LabelMap.Load(labelCsv);
        if (labels.Count != definition.Model.LabelCount)
            throw new TrainingConfigurationException("model.labels", $"the model has {definition.Model.LabelCount} outputs but {labelCsv} defines {labels.Count} classes; make them equal.");
        var trainEntries = Datafile.Load(DataFileLocator.Existing(definition, data.TrainFile, "data.train"), labels);
        var evalEntries = Datafile.Load(DataFileLocator.Existing(definition, data.EvalFile, "data.eval"), labels);
        return Create(definition, trainEntries, evalEntries, labels.Count,
            Enumerable.Range(0, labels.Count).Select(i => new LabelInfo(i, labels.Mids[i], labels.DisplayNames[i])).ToArray(), warn);
    }

    /// <summary>
    /// Opens the unlabelled audio of a pretraining spec: <c>data.train</c> and <c>data.eval</c> are datafiles (their
    /// labels, if any, are ignored) or folders of audio files (a path ending in <c>/</c>); there is no label CSV.
    /// <paramref name="warn"/> hears what the feature cache reports, as for <see cref="Open"/>.
    /// </summary>
    /// <exception cref="TrainingConfigurationException">Model and features disagree.</exception>
    public static ExperimentData OpenUnlabelled(ExperimentDefinition definition, Action<string>? warn = null)
    {
        CheckShapes(definition);
        var data = definition.Data;
        // One all-zero target column keeps the batch shape of labelled data; pretraining never reads it.
        return Create(definition, UnlabelledAudio.Entries(definition, data.TrainFile, "data.train"),
            UnlabelledAudio.Entries(definition, data.EvalFile, "data.eval"), classCount: 1, Array.Empty<LabelInfo>(), warn);
    }

    private static ExperimentData Create(ExperimentDefinition definition, IReadOnlyList<DatafileEntry> trainEntries,
        IReadOnlyList<DatafileEntry> evalEntries, int classCount, IReadOnlyList<LabelInfo> labels, Action<string>? warn)
    {
        var data = definition.Data;
        var pipeline = new ClipPipeline(FeatureOptions.ToPipeline(definition.Features));
        var loader = new LoaderOptions
        {
            BatchSize = definition.Train.BatchSize,
            Seed = definition.Train.Seed,
            Workers = data.Workers > 0 ? data.Workers : Math.Max(1, Environment.ProcessorCount),
            BadFiles = data.OnBadFile,
            SampleWeights = data.SampleWeightFile is { } weights ? SampleWeights.Load(DataFileLocator.Existing(definition, weights, "data.sample_weights")) : null,
        };
        var cache = OpenCache(definition, pipeline.Options, warn);
        var train = new ClipDataset(trainEntries, classCount, pipeline, definition.Recipe.Clips, cache);
        var eval = new ClipDataset(evalEntries, classCount, pipeline, definition.Recipe.Clips.WithoutAugmentation(), cache);
        return new ExperimentData(pipeline,
            new AudioBatchSource(new BatchLoader(train, loader), "data.train", data.TrainFile),
            new AudioBatchSource(new BatchLoader(eval, loader with { Shuffle = false, SampleWeights = null, BatchSize = loader.BatchSize * 2 }), "data.eval", data.EvalFile),
            labels);
    }

    // Training and evaluation share one cache: they share the front end, and evaluation clips are never mixed.
    private static FeatureCache? OpenCache(ExperimentDefinition definition, ClipPipelineOptions options, Action<string>? warn) =>
        FeatureCacheLocation.Of(definition) is { } folder ? new FeatureCache(folder, options, warn) : null;

    /// <summary>An absolute path for <paramref name="path"/>, relative ones taken from the spec folder.</summary>
    public static string Resolve(ExperimentDefinition definition, string path) => Resolve(definition.SpecDirectory, path);

    /// <summary>An absolute path for <paramref name="path"/>, relative ones taken from <paramref name="specDirectory"/>.</summary>
    public static string Resolve(string specDirectory, string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(specDirectory, path));

    private static void CheckShapes(ExperimentDefinition definition)
    {
        if (definition.Model.InputFDim != definition.Features.MelBins)
            throw new TrainingConfigurationException("features.mel_bins", $"is {definition.Features.MelBins} but the model expects {definition.Model.InputFDim} mel bins; make them equal.");
        if (definition.Model.InputTDim != definition.Features.TargetLength)
            throw new TrainingConfigurationException("features.target_length", $"is {definition.Features.TargetLength} but the model expects {definition.Model.InputTDim} frames; make them equal.");
    }

    /// <summary>Frees the front end's cached filters.</summary>
    public void Dispose() => _pipeline.Dispose();
}
