using System.Globalization;
using AstDsl.Audio.Data;
using AstDsl.Network;
using AstDsl.Network.Checkpoints;
using AstDsl.Network.Transfer;
using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;
using static TorchSharp.torch;

namespace AstDsl.Training.Checkpoints;

/// <summary>
/// Turns a released checkpoint into a usable model: an official AST state dict (<c>.pth</c> zip or <c>.safetensors</c>,
/// with or without the DataParallel <c>module.</c> prefix and <c>{'model': ...}</c> wrapper) or a Hugging Face
/// <c>ASTForAudioClassification</c> folder (or its bare <c>model.safetensors</c>). The shape is read off the tensors
/// (<see cref="ShapeInference"/>); what no tensor holds (input length, normalisation, label names, activation, heads)
/// comes from <see cref="ModelImportOptions"/>, the Hugging Face config, or the official AudioSet recipe, and every
/// such choice is written into <see cref="ModelMetadata.Notes"/>.
/// </summary>
public static class CheckpointImport
{
    /// <summary>Label count of AudioSet, whose models are multi-label (sigmoid) by default.</summary>
    public const int AudioSetLabels = 527;

    /// <summary>True when <paramref name="path"/> is a checkpoint this class imports (rather than an .astckpt or a run folder).</summary>
    public static bool CanImport(string path) => StateDictProbe.Detect(path) != StateDictFormat.Unknown;

    /// <summary>Builds the model stored in <paramref name="path"/>.</summary>
    /// <exception cref="CheckpointException">The file is not a readable AST checkpoint, or its shape cannot be derived.</exception>
    /// <exception cref="TrainingConfigurationException">An option contradicts the checkpoint (e.g. a label CSV of another size).</exception>
    /// <exception cref="NotACheckpointException">The file holds timm ImageNet ViT/DeiT weights (a fine-tuning start, not a model).</exception>
    public static ImportedModel Import(string path, ModelImportOptions? options = null)
    {
        options ??= new ModelImportOptions();
        var full = Path.GetFullPath(path);
        var format = StateDictProbe.Detect(full);
        if (format == StateDictFormat.Unknown)
            throw new CheckpointException(full, "is neither a .safetensors file, a torch.save zip archive (.pth) nor a Hugging Face model folder (config.json + model.safetensors).");
        var folder = format == StateDictFormat.HuggingFaceFolder ? full : null;
        // ImageNet ViT/DeiT weights have no AST head or audio patch layout: say what they are good for instead of
        // listing the AST keys they lack.
        if (folder is null && CheckpointFileKind.Detect(full) is { Family: StateDictFamily.ImageNetVit } kind)
            throw new NotACheckpointException(full, kind);
        var config = folder is null ? null : HuggingFaceConfig.Read(folder);
        var raw = StateDictFile.Read(folder is null ? full : StateDictProbe.HuggingFaceWeightFile(folder)!);
        var huggingFace = HuggingFaceLayout.IsHuggingFace(raw);
        var official = huggingFace ? HuggingFaceLayout.ToOfficial(raw, full) : raw;
        try
        {
            var notes = new List<string> { $"imported from {full} ({(huggingFace ? "Hugging Face" : "official AST")} layout)" };
            var shape = InferShape(official, options, config, full, huggingFace, notes);
            var model = new AstModel(shape);
            try
            {
                AstStateDict.Load(model, official, full);
                model.eval();
                var metadata = new ModelMetadata
                {
                    Experiment = $"imported {Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar))}",
                    Model = shape,
                    Features = Features(options, folder, shape, notes),
                    Labels = Labels(options, config, shape.LabelCount, notes),
                    Loss = Activation(options, config, shape.LabelCount, notes),
                    Notes = notes,
                };
                notes.Add(metadata.ConventionSummary());
                return new ImportedModel(model, metadata);
            }
            catch
            {
                model.Dispose();
                throw;
            }
        }
        finally
        {
            // Renamed tensors appear in both dictionaries: dispose each object once.
            foreach (var tensor in new HashSet<Tensor>(raw.Values.Concat(official.Values), ReferenceEqualityComparer.Instance)) tensor.Dispose();
        }
    }

    private static AstOptions InferShape(IReadOnlyDictionary<string, Tensor> official, ModelImportOptions options,
        HuggingFaceConfig? config, string path, bool huggingFace, List<string> notes)
    {
        if (options.TargetLength is null && options.MelBins is null && config is null)
            notes.Add("input 128 mel bins x 1024 frames, as the official AudioSet models (--target-length/--mel-bins for checkpoints trained on other input)");
        var hints = new ShapeHints
        {
            Frames = options.TargetLength ?? config?.MaxLength ?? 1024,
            MelBins = options.MelBins ?? config?.NumMelBins ?? 128,
            FStride = options.FStride ?? config?.FrequencyStride,
            TStride = options.TStride ?? config?.TimeStride,
            Heads = options.Heads ?? config?.NumAttentionHeads,
            Convention = options.Convention ?? config?.Convention ?? (huggingFace ? WeightConvention.HuggingFace : WeightConvention.Official),
        };
        var shape = ShapeInference.Infer(official, hints, path);
        notes.AddRange(shape.Notes);
        if (config is not null && (config.HiddenSize != shape.Options.Width || config.NumHiddenLayers != shape.Options.Depth))
            throw new CheckpointException(path,
                $"config.json says hidden_size {config.HiddenSize} and {config.NumHiddenLayers} layers, but the weights have width {shape.Options.Width} and {shape.Options.Depth} blocks.");
        if (config is not null && hints.Convention == WeightConvention.HuggingFace && config.LayerNormEps != AstOptions.HuggingFaceLayerNormEps)
            notes.Add(string.Format(CultureInfo.InvariantCulture,
                "config.json has layer_norm_eps {0:G}; AstDsl runs Hugging Face weights with {1:G} (outputs may differ slightly)",
                config.LayerNormEps, AstOptions.HuggingFaceLayerNormEps));
        return shape.Options;
    }

    private static FeatureSettings Features(ModelImportOptions options, string? folder, AstOptions shape, List<string> notes)
    {
        var defaults = new FeatureSettings();
        if (options.Mean is null != options.Std is null)
            throw new TrainingConfigurationException("--mean/--std", "give both the fbank mean and standard deviation of the training data, or neither.");
        var extractor = folder is null ? null : HuggingFaceFeatureConfig.ReadIfPresent(folder);
        var (mean, std) = (options.Mean, options.Std) is ({ } m, { } s) ? (m, s)
            : extractor is not null ? (extractor.Mean, extractor.Std)
            : (defaults.NormMean, defaults.NormStd);
        if (options.Mean is null)
            notes.Add(string.Format(CultureInfo.InvariantCulture, extractor is not null
                ? "normalisation mean {0} / std {1} from {2}"
                : "normalisation mean {0} / std {1}: the official AudioSet values, as none were given (--mean/--std)", mean, std, HuggingFaceFeatureConfig.FileName));
        return defaults with
        {
            MelBins = shape.InputFDim, TargetLength = shape.InputTDim, NormMean = mean, NormStd = std,
            SampleRate = extractor?.SamplingRate ?? defaults.SampleRate,
            RemoveWaveformMean = shape.Convention == WeightConvention.Official,
        };
    }

    private static IReadOnlyList<LabelInfo> Labels(ModelImportOptions options, HuggingFaceConfig? config, int count, List<string> notes)
    {
        if (options.LabelCsv is { } csv)
        {
            var map = LabelMap.Load(csv);
            if (map.Count != count)
                throw new TrainingConfigurationException("--labels", $"{csv} lists {map.Count} classes but the checkpoint has {count} outputs; pass the label CSV it was trained with.");
            return Enumerable.Range(0, count).Select(i => new LabelInfo(i, map.Mids[i], map.DisplayNames[i])).ToArray();
        }
        if (config?.LabelNames(count) is { } names)
            return names.Select((n, i) => new LabelInfo(i, n, n)).ToArray();
        notes.Add($"no label names: outputs show as 'class N' (--labels class_labels_indices.csv names the {count} classes)");
        return Array.Empty<LabelInfo>();
    }

    private static LossKind Activation(ModelImportOptions options, HuggingFaceConfig? config, int count, List<string> notes)
    {
        if (options.Activation is { } given) return given;
        if (config?.ProblemType == HuggingFaceConfig.MultiLabel) return LossKind.Bce;
        if (config?.ProblemType == HuggingFaceConfig.SingleLabel) return LossKind.Ce;
        var kind = count == AudioSetLabels ? LossKind.Bce : LossKind.Ce;
        notes.Add(kind == LossKind.Bce
            ? $"activation sigmoid (multi-label): {count} outputs are AudioSet's classes (--activation softmax overrides)"
            : $"activation softmax (single-label) for {count} outputs (--activation sigmoid for a multi-label model)");
        return kind;
    }
}
