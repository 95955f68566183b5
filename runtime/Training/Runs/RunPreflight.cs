using AstDsl.Audio.Data;
using AstDsl.Training.Data;
using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;

namespace AstDsl.Training.Runs;

/// <summary>
/// What is checked before any training starts, for every fold: each datafile, label CSV and weights file exists and
/// parses, the pretrained checkpoint exists, the sets are not empty, and clips at another sample rate are counted. A missing fold-2 file must not be
/// found only after fold 1 has trained.
/// </summary>
public static class RunPreflight
{
    /// <summary>Checks <paramref name="definition"/>'s data; returns warnings for the user.</summary>
    /// <exception cref="DataFileException">A file is missing, a folder, or a set is empty.</exception>
    public static IReadOnlyList<string> Check(ExperimentDefinition definition)
    {
        var splits = definition.Data.Folds.Count == 0
            ? [definition]
            : definition.Data.Folds.Select(fold => FoldDefinition.For(definition, fold)).ToArray();
        if (definition.Pretrain.Kind != PretrainKind.None && !string.IsNullOrWhiteSpace(definition.Pretrain.CheckpointPath))
            DataFileLocator.Existing(definition, definition.Pretrain.CheckpointPath, "model.pretrain");
        var warnings = new List<string>();
        foreach (var split in splits)
        {
            var data = split.Data;
            // A pretraining spec reads unlabelled audio and has no label CSV.
            var labels = split.Pretrain.MaskedModeling is null ? LabelMap.Load(DataFileLocator.Existing(split, data.LabelCsv, "data.label_csv")) : null;
            if (data.SampleWeightFile is { } weights) DataFileLocator.Existing(split, weights, "data.sample_weights");
            foreach (var (setting, path) in new[] { ("data.train", data.TrainFile), ("data.eval", data.EvalFile) })
            {
                var file = ExperimentData.Resolve(split, path);
                var entries = labels is null ? UnlabelledAudio.Entries(split, path, setting) : Datafile.Load(DataFileLocator.Existing(split, path, setting), labels);
                if (entries.Count == 0)
                    throw new DataFileException(setting, path, $"{file} lists no clips (its \"data\" array is empty); add entries or point {setting} at another datafile.");
                if (SampleRateSurvey.Warn(split.Features, entries, setting, file) is { } warning && !warnings.Contains(warning))
                    warnings.Add(warning);
            }
        }
        return warnings;
    }
}
