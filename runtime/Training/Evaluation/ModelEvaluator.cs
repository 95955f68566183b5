using System.Collections.Concurrent;
using AstDsl.Audio.Data;
using AstDsl.Audio.Features;
using AstDsl.Network.Devices;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Data;
using AstDsl.Training.Errors;
using AstDsl.Training.Optimization;
using TorchSharp;

namespace AstDsl.Training.Evaluation;

/// <summary>
/// Evaluates stored models on a datafile (<c>astc eval</c>, <c>astc ensemble</c>): the features, label list and
/// loss come from the checkpoint, so no spec is needed. An ensemble averages the members' sigmoid outputs.
/// A model with frequency/time positions scores each clip up to its trained length at the clip's own length, as
/// <c>astc infer</c> does (<see cref="OwnLengthBatches"/>); a grid model sees every clip padded or cut to it, as in training.
/// A checkpoint in the checkpoints folder of a run whose spec turned <c>features.cache</c> on reads and stores its
/// fbanks in that run's cache (for an ensemble, the first member's); scoring by windows leaves the cache alone.
/// </summary>
public static class ModelEvaluator
{
    /// <summary>Metrics of one checkpoint (a .astckpt file, a released AST or Hugging Face checkpoint, or a run folder meaning its best weights) on <paramref name="datafile"/>.</summary>
    public static EvaluationResult Evaluate(string checkpoint, string datafile, EvaluationOptions? options = null) =>
        Ensemble(new[] { checkpoint }, datafile, options);

    /// <summary>Metrics of the mean prediction of several checkpoints (e.g. the best weights of several runs).</summary>
    /// <exception cref="TrainingConfigurationException">The checkpoints disagree on features or classes.</exception>
    public static EvaluationResult Ensemble(IReadOnlyList<string> checkpoints, string datafile, EvaluationOptions? options = null)
    {
        options ??= new EvaluationOptions();
        if (checkpoints.Count == 0) throw new TrainingConfigurationException("checkpoints", "name at least one checkpoint or run folder.");
        var paths = checkpoints.Select(ResolveCheckpoint).ToArray();
        var import = options.Import ?? new ModelImportOptions { LabelCsv = options.LabelCsv };
        var loaded = paths.Select(path => ModelSource.Load(path, import)).ToArray();
        var metadata = loaded[0].Metadata;
        foreach (var other in loaded.Skip(1))
            if (other.Metadata.Features != metadata.Features || other.Metadata.Model.LabelCount != metadata.Model.LabelCount)
                throw new TrainingConfigurationException("checkpoints", $"{other.Path} was trained with other features or classes than {loaded[0].Path}; an ensemble needs identical inputs and outputs.");

        var device = DeviceSelector.Resolve(options.Device);
        using var pipeline = new ClipPipeline(FeatureOptions.ToPipeline(metadata.Features));
        var labels = EvaluationLabels.Resolve(options.LabelCsv, metadata, paths[0]);
        var entries = Datafile.Load(datafile, labels);
        var rateWarning = SampleRateSurvey.Warn(metadata.Features, entries, "DATAFILE", datafile);
        // Windows are cut from whole clips, never from the padded fbanks the cache holds.
        var windowed = options.Window is not null || options.Hop is not null;
        var cacheWarnings = new ConcurrentQueue<string>();
        var cache = !windowed && FeatureCacheLocation.OfCheckpoint(paths[0]) is { } folder ? new FeatureCache(folder, pipeline.Options, cacheWarnings.Enqueue) : null;
        var dataset = new ClipDataset(entries, labels.Count, pipeline, cache: cache);
        var loaderOptions = new LoaderOptions
        {
            BatchSize = options.BatchSize, Shuffle = false, BadFiles = options.BadFiles,
            Workers = options.Workers > 0 ? options.Workers : Math.Max(1, Environment.ProcessorCount),
        };
        var loader = new BatchLoader(dataset, loaderOptions);
        var source = new AudioBatchSource(loader, "DATAFILE", datafile);
        var skipped = new List<SkippedClip>();
        var members = loaded.Select(checkpoint => UnreadableClips.Explain(() =>
        {
            if (windowed)
                return WindowedPredictor.Predict(checkpoint.Path, dataset, options);
            using var model = checkpoint.CreateModel();
            model.PlaceForInference(device, options.Precision);
            var loss = LossFunction.Of(checkpoint.Metadata.Loss);
            // A grid model was trained on padded clips and is evaluated so; see AstNetwork.RunsAtOwnLength.
            if (!model.TakesShortClips) return Predictor.Predict(model, source, loss, device).Predictions;
            var grouped = new OwnLengthBatches(model, dataset, loaderOptions, "DATAFILE", datafile);
            var predictions = grouped.InDatafileOrder(Predictor.Predict(model, grouped, loss, device).Predictions);
            skipped.AddRange(grouped.Skipped);
            return predictions;
        })).ToArray();
        var mean = Predictions.Average(members);
        var report = mean.Metrics();
        return new EvaluationResult
        {
            Datafile = Path.GetFullPath(datafile), Checkpoints = paths, Report = report, Metrics = MetricSet.From(report),
            Predictions = mean,
            MemberMetrics = members.Length > 1 ? members.Select(m => MetricSet.From(m.Metrics())).ToArray() : Array.Empty<IReadOnlyDictionary<string, double>>(),
            // Every member reads the datafile again: count each skipped clip once.
            Skipped = loader.Skipped.Concat(skipped).DistinctBy(s => s.Index).OrderBy(s => s.Index).ToArray(),
            Warnings = (rateWarning is null ? cacheWarnings : cacheWarnings.Prepend(rateWarning)).ToArray(),
            Cache = cache is null ? null : new FeatureCacheUse(cache.Folder, cache.Hits, cache.Misses),
        };
    }

    /// <summary>A checkpoint file or Hugging Face model folder as given, or the best weights of a run folder.</summary>
    public static string ResolveCheckpoint(string path)
    {
        if (File.Exists(path) || CheckpointImport.CanImport(path)) return Path.GetFullPath(path);
        if (Directory.Exists(path))
        {
            var best = Runs.RunDirectory.Open(path).BestCheckpoint;
            if (File.Exists(best)) return best;
            throw new RunDirectoryException(path, "has no checkpoints/best.astckpt yet; let at least one epoch finish or pass a checkpoint file.");
        }
        throw new FileNotFoundException($"checkpoint {path} does not exist; pass a .astckpt file or a run folder.", path);
    }
}
