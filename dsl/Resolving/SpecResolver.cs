using AstDsl.Dsl.Binding;
using AstDsl.Dsl.Resolved;
using AstDsl.Dsl.Text;

namespace AstDsl.Dsl.Resolving;

/// <summary>
/// Turns bound fields into the typed sections, filling every absent field with its default. The defaults are the
/// official AST code's (run.py, dataloader.py, egs/audioset/run.sh).
/// </summary>
internal static class SpecResolver
{
    public static FeatureSpec Features(BoundSpec spec)
    {
        var shift = spec.Real("features.frame_shift", 10);
        return new FeatureSpec(
            SampleRate: spec.Int("features.sample_rate", 16000),
            MelBins: spec.Int("features.mel_bins", 128),
            FrameLengthMs: spec.Real("features.frame_length", 25),
            FrameShiftMs: shift,
            TargetLength: TargetLength(spec, shift),
            NormMean: spec.Real("features.mean", -4.2677393),
            NormStd: spec.Real("features.std", 4.5689974),
            Window: spec.Option("features.window", "hanning"),
            Downmix: spec.Switch("features.downmix", false),
            Resample: spec.Switch("features.resample", false));
    }

    public static ModelSpec Model(BoundSpec spec, FeatureSpec features)
    {
        var size = spec.Option("model.size", "base384");
        var preset = SizePresets.Of(size);
        var backbone = (Width: spec.Int("model.width", preset.Width), Depth: spec.Int("model.depth", preset.Depth), Heads: spec.Int("model.heads", preset.Heads));
        var patch = spec.Pair("model.patch") ?? (16, 16);
        var stride = spec.Pair("model.stride") ?? (10, 10);
        return new ModelSpec(
            // An overridden backbone is no longer the preset; saying so keeps `astc show` honest.
            Size: backbone == preset ? size : "custom",
            Width: backbone.Width,
            Depth: backbone.Depth,
            Heads: backbone.Heads,
            MlpRatio: spec.Int("model.mlp_ratio", 4),
            PatchSize: patch.First,
            FStride: stride.First,
            TStride: stride.Second,
            InputFDim: features.MelBins,
            InputTDim: features.TargetLength,
            DistillationToken: spec.Option("model.tokens", "distilled") == "distilled",
            LabelCount: spec.Int("model.labels", 1),
            DropRate: spec.Real("model.dropout", 0),
            AttentionDropRate: spec.Real("model.attention_dropout", 0));
    }

    public static PretrainSpec Pretrain(BoundSpec spec)
    {
        var choice = spec.Choice("model.pretrain");
        return choice is null ? new PretrainSpec("none", null) : new PretrainSpec(choice.Variant, choice.Text("path"));
    }

    public static DataSpec Data(BoundSpec spec) => new(
        TrainFile: spec.Text("data.train") ?? "",
        EvalFile: spec.Text("data.eval") ?? "",
        LabelCsv: spec.Text("data.label_csv") ?? "",
        SampleWeightFile: spec.Text("data.sample_weights"),
        Folds: spec.Find("data.folds")?.Value is ValueList<object> folds
            ? folds.Cast<Measure>().Select(fold => (int)fold.Value).ToValueList()
            : ValueList<int>.Empty,
        OnBadFile: spec.Option("data.on_bad_file", "fail"),
        Workers: spec.Int("data.workers", 0));

    public static AugmentSpec Augment(BoundSpec spec) => new(
        Mixup: spec.Real("augment.mixup", 0),
        FreqMask: spec.Int("augment.freqm", 0),
        TimeMask: spec.Int("augment.timem", 0),
        Noise: spec.Switch("augment.noise", false),
        LabelSmoothing: spec.Real("augment.label_smoothing", 0));

    public static TrainSpec Train(BoundSpec spec)
    {
        var optimizer = spec.Choice("train.optimizer");
        var betas = optimizer?.Reals("betas") ?? new[] { 0.95, 0.999 };
        var schedule = spec.Choice("train.schedule");
        var averaging = spec.Find("train.wa")?.Value as ValueTuple<int, int>?;
        return new TrainSpec(
            Optimizer: new OptimizerSpec(
                optimizer?.Variant ?? "adam",
                optimizer?.Real("lr", 1e-5) ?? 1e-5,
                betas[0],
                betas[1],
                optimizer?.Real("weight_decay", 5e-7) ?? 5e-7),
            Loss: spec.Option("train.loss", "bce"),
            BatchSize: spec.Int("train.batch", 12),
            Epochs: spec.Int("train.epochs", 5),
            AccumulationSteps: spec.Int("train.accumulation", 1),
            ClipNorm: spec.Find("train.clip")?.Value is Measure clip ? clip.Value : null,
            Warmup: spec.Switch("train.warmup", true),
            WarmupSteps: spec.Int("train.warmup_steps", 1000),
            WarmupInterval: spec.Int("train.warmup_interval", 50),
            Schedule: new ScheduleSpec(
                schedule?.Variant ?? "multistep",
                schedule?.Int("start", 2) ?? 2,
                schedule?.Int("step", 1) ?? 1,
                schedule?.Real("gamma", 0.5) ?? 0.5,
                schedule?.Int("patience", 2) ?? 2,
                schedule?.Real("factor", 0.5) ?? 0.5),
            WeightAveragingStart: averaging?.Item1,
            WeightAveragingEnd: averaging?.Item2,
            Seed: spec.Int("train.seed", 0));
    }

    public static EvaluationSpec Evaluation(BoundSpec spec) => new(
        Metrics: spec.Find("evaluation.metrics")?.Value is ValueList<object> metrics
            ? metrics.Cast<string>().ToValueList()
            : SpecSchema.Metrics.ToValueList(),
        MainMetric: spec.Option("evaluation.main", "mAP"),
        Ensemble: spec.Switch("evaluation.ensemble", false));

    /// <summary>Frames, or a duration divided by the frame shift (rounded), so <c>10 s</c> at 10 ms is 1000 frames.</summary>
    private static int TargetLength(BoundSpec spec, double shiftMs) =>
        spec.Find("features.target_length")?.Value is Measure length
            // Clamped so an absurd duration stays a number FeatureRules can report instead of wrapping around.
            ? (int)Math.Min(length.Dimension == Units.Time ? Math.Round(length.Value / shiftMs) : length.Value, int.MaxValue)
            : 1024;
}
