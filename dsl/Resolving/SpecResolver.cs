using AstDsl.Dsl.Binding;
using AstDsl.Dsl.Text;

namespace AstDsl.Dsl.Resolving;

/// <summary>
/// Turns bound fields into the experiment contract (<c>AstDsl.Contract</c>). An absent field keeps the contract
/// record's default, so every default lives in exactly one place: the contract (the official AST code's values).
/// Lists are <see cref="ValueList{T}"/> so resolved specs compare by value (the generator's incremental cache).
/// </summary>
internal static class SpecResolver
{
    public static FeatureSettings Features(BoundSpec spec)
    {
        var d = new FeatureSettings();
        var shift = spec.Real("features.frame_shift", d.FrameShiftMs);
        return new FeatureSettings
        {
            SampleRate = spec.Int("features.sample_rate", d.SampleRate),
            MelBins = spec.Int("features.mel_bins", d.MelBins),
            FrameLengthMs = spec.Real("features.frame_length", d.FrameLengthMs),
            FrameShiftMs = shift,
            TargetLength = TargetLength(spec, shift, d.TargetLength),
            NormMean = spec.Real("features.mean", d.NormMean),
            NormStd = spec.Real("features.std", d.NormStd),
            Window = spec.Word("features.window", d.Window),
            Downmix = spec.Switch("features.downmix", d.Downmix),
            Resample = spec.Switch("features.resample", d.Resample),
            Cache = spec.Find("features.cache")?.Value switch
            {
                true => FeatureSettings.DefaultCacheFolder,
                string folder => folder,
                _ => d.Cache,
            },
        };
    }

    public static AstOptions Model(BoundSpec spec, FeatureSettings features)
    {
        var d = new AstOptions();
        var size = spec.Word("model.size", d.Size);
        var preset = SizePresets.Of(size);
        var width = spec.Int("model.width", preset.Width);
        var depth = spec.Int("model.depth", preset.Depth);
        var heads = spec.Int("model.heads", preset.Heads);
        var patch = spec.Pair("model.patch") ?? (d.FPatch, d.TPatch);
        var stride = spec.Pair("model.stride") ?? (d.FStride, d.TStride);
        return new AstOptions
        {
            // An overridden backbone is no longer the preset; saying so keeps `astc show` honest.
            Size = SizePresets.Classify(size, width, depth, heads),
            Width = width,
            Depth = depth,
            Heads = heads,
            MlpRatio = spec.Int("model.mlp_ratio", d.MlpRatio),
            FPatch = patch.First,
            TPatch = patch.Second,
            FStride = stride.First,
            TStride = stride.Second,
            InputFDim = features.MelBins,
            InputTDim = features.TargetLength,
            DistillationToken = spec.Option("model.tokens", "distilled") == "distilled",
            Position = spec.Word("model.position", d.Position),
            Patchout = Patchout(spec.Choice("model.patchout"), d.Patchout),
            LabelCount = spec.Int("model.labels", 1),
            DropRate = spec.Real("model.dropout", d.DropRate),
            AttentionDropRate = spec.Real("model.attention_dropout", d.AttentionDropRate),
        };
    }

    public static PretrainSettings Pretrain(BoundSpec spec)
    {
        var weights = spec.Choice("model.pretrain") is { } choice
            ? new PretrainSettings { Kind = LanguageWords.Parse<PretrainKind>(choice.Variant), CheckpointPath = choice.Text("path"), SpecPath = choice.Text("spec") }
            : new PretrainSettings();
        return weights with { MaskedModeling = MaskedModeling(spec) };
    }

    // Present exactly when the spec has a pretrain block (the binder relaxes the label fields on the same test).
    private static MaskedPatchSettings? MaskedModeling(BoundSpec spec)
    {
        if (!spec.HasBlock(SpecSchema.PretrainBlock)) return null;
        var d = new MaskedPatchSettings();
        var objective = spec.Choice("pretrain.objective");
        return new MaskedPatchSettings
        {
            MpcWeight = objective?.Real("mpc", d.MpcWeight) ?? d.MpcWeight,
            MpgWeight = objective?.Real("mpg", d.MpgWeight) ?? d.MpgWeight,
            MaskedPatches = spec.Int("pretrain.masked_patches", d.MaskedPatches),
            Cluster = spec.Switch("pretrain.cluster", d.Cluster),
        };
    }

    public static DataSettings Data(BoundSpec spec)
    {
        var d = new DataSettings();
        return new DataSettings
        {
            TrainFile = spec.Text("data.train") ?? d.TrainFile,
            EvalFile = spec.Text("data.eval") ?? d.EvalFile,
            LabelCsv = spec.Text("data.label_csv") ?? d.LabelCsv,
            SampleWeightFile = spec.Text("data.sample_weights"),
            Folds = spec.Find("data.folds")?.Value is ValueList<object> folds
                ? folds.Cast<Measure>().Select(fold => (int)fold.Value).ToValueList()
                : ValueList<int>.Empty,
            OnBadFile = spec.Word("data.on_bad_file", d.OnBadFile),
            Workers = spec.Int("data.workers", d.Workers),
        };
    }

    public static AugmentSettings Augment(BoundSpec spec)
    {
        var d = new AugmentSettings();
        return new AugmentSettings
        {
            Mixup = spec.Real("augment.mixup", d.Mixup),
            FreqMask = spec.Int("augment.freqm", d.FreqMask),
            TimeMask = spec.Int("augment.timem", d.TimeMask),
            Noise = spec.Switch("augment.noise", d.Noise),
            LabelSmoothing = spec.Real("augment.label_smoothing", d.LabelSmoothing),
        };
    }

    public static TrainSettings Train(BoundSpec spec)
    {
        var d = new TrainSettings();
        var averaging = spec.Find("train.wa")?.Value as ValueTuple<int, int>?;
        var train = new TrainSettings
        {
            Optimizer = Optimizer(spec.Choice("train.optimizer"), d.Optimizer),
            Loss = spec.Word("train.loss", d.Loss),
            BatchSize = spec.Int("train.batch", d.BatchSize),
            Epochs = spec.Int("train.epochs", d.Epochs),
            AccumulationSteps = spec.Int("train.accumulation", d.AccumulationSteps),
            ClipNorm = spec.Find("train.clip")?.Value is Measure clip ? clip.Value : d.ClipNorm,
            Schedule = Schedule(spec, d.Schedule),
            WeightAveraging = averaging,
            Precision = spec.Word("train.precision", d.Precision),
            GradientCheckpointing = spec.Switch("train.gradient_checkpointing", d.GradientCheckpointing),
            Seed = spec.Int("train.seed", d.Seed),
        };
        // Unset, a run keeps exactly the epoch checkpoints weight averaging needs (none without it).
        return train with { KeepCheckpoints = spec.Int("train.keep_checkpoints", CheckpointRetention.Required(train)) };
    }

    public static EvaluationSettings Evaluation(BoundSpec spec)
    {
        var d = new EvaluationSettings();
        return new EvaluationSettings
        {
            Metrics = spec.Find("evaluation.metrics")?.Value is ValueList<object> metrics
                ? metrics.Cast<string>().ToValueList()
                : d.Metrics.ToValueList(),
            MainMetric = spec.Option("evaluation.main", d.MainMetric),
            Ensemble = spec.Switch("evaluation.ensemble", d.Ensemble),
        };
    }

    private static PatchoutOptions Patchout(Choice? patchout, PatchoutOptions d) =>
        patchout is null
            ? d
            : new PatchoutOptions
            {
                Kind = LanguageWords.Parse<PatchoutKind>(patchout.Variant),
                FreqRows = patchout.Int("freq", d.FreqRows),
                TimeColumns = patchout.Int("time", d.TimeColumns),
                Share = patchout.Real("share", d.Share),
            };

    private static OptimizerSettings Optimizer(Choice? optimizer, OptimizerSettings d)
    {
        if (optimizer is null) return d;
        var betas = optimizer.Reals("betas") ?? new[] { d.Beta1, d.Beta2 };
        return new OptimizerSettings
        {
            Kind = LanguageWords.Parse<OptimizerKind>(optimizer.Variant),
            LearningRate = optimizer.Real("lr", d.LearningRate),
            Beta1 = betas[0],
            Beta2 = betas[1],
            WeightDecay = optimizer.Real("weight_decay", d.WeightDecay),
        };
    }

    private static ScheduleSettings Schedule(BoundSpec spec, ScheduleSettings d)
    {
        var schedule = spec.Choice("train.schedule");
        return new ScheduleSettings
        {
            Warmup = spec.Switch("train.warmup", d.Warmup),
            WarmupSteps = spec.Int("train.warmup_steps", d.WarmupSteps),
            WarmupInterval = spec.Int("train.warmup_interval", d.WarmupInterval),
            Kind = schedule is null ? d.Kind : LanguageWords.Parse<ScheduleKind>(schedule.Variant),
            DecayStart = schedule?.Int("start", d.DecayStart) ?? d.DecayStart,
            DecayStep = schedule?.Int("step", d.DecayStep) ?? d.DecayStep,
            Gamma = schedule?.Real("gamma", d.Gamma) ?? d.Gamma,
            Patience = schedule?.Int("patience", d.Patience) ?? d.Patience,
            PlateauFactor = schedule?.Real("factor", d.PlateauFactor) ?? d.PlateauFactor,
        };
    }

    /// <summary>Frames, or a duration divided by the frame shift (rounded), so <c>10 s</c> at 10 ms is 1000 frames.</summary>
    private static int TargetLength(BoundSpec spec, double shiftMs, int fallback) =>
        spec.Find("features.target_length")?.Value is Measure length
            // Clamped so an absurd duration stays a number FeatureRules can report instead of wrapping around.
            ? (int)Math.Min(length.Dimension == Units.Time ? Math.Round(length.Value / shiftMs) : length.Value, int.MaxValue)
            : fallback;
}
