using AstDsl.Dsl.Resolved;
using YamlDotNet.Serialization;

namespace AstDsl.Dsl.Serialization;

/// <summary>
/// The resolved spec as YAML (<c>astc show</c>, and stored with every run), keyed exactly as the language: every block
/// and field name, option words and call arguments (<c>schedule: {kind: multistep, start: 2, ...}</c>) are the ones a
/// spec writes, so a reader can match it to the spec. Inferred values live under <c>shapes</c>.
/// </summary>
public static class SpecYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder().Build();

    /// <summary>YAML text of <paramref name="spec"/>: name, hash, every section with defaults filled in, and the inferred shapes.</summary>
    public static string Serialize(ResolvedSpec spec) => Serializer.Serialize(Document(spec));

    // Pretraining keys appear only in specs that use them, so the YAML of every other spec stays as it was.
    private static Dictionary<string, object?> Document(ResolvedSpec spec)
    {
        var document = Sections(spec);
        if (spec.Pretrain.SpecPath is { } pretrainSpec && document["model"] is Dictionary<string, object?> model
            && model["pretrain"] is Dictionary<string, object?> weights)
            weights["spec"] = pretrainSpec;
        if (spec.Pretrain.MaskedModeling is { } masking)
            document["pretrain"] = new Dictionary<string, object?>
            {
                ["objective"] = new Dictionary<string, object?> { ["kind"] = "ssl", ["mpc"] = masking.MpcWeight, ["mpg"] = masking.MpgWeight },
                ["masked_patches"] = masking.MaskedPatches,
                ["cluster"] = masking.Cluster,
            };
        return document;
    }

    private static Dictionary<string, object?> Sections(ResolvedSpec spec) => new()
    {
        ["experiment"] = spec.Name,
        ["spec"] = spec.SpecPath,
        ["spec_hash"] = spec.SpecHash,
        ["extends"] = spec.ExtendsChain.ToList(),
        ["features"] = Features(spec.Features),
        ["model"] = Model(spec.Model, spec.Pretrain),
        ["data"] = Data(spec.Data),
        ["augment"] = Augment(spec.Augment),
        ["train"] = Train(spec.Train),
        ["evaluation"] = new Dictionary<string, object?>
        {
            ["metrics"] = spec.Evaluation.Metrics.ToList(),
            ["main"] = spec.Evaluation.MainMetric,
            ["ensemble"] = spec.Evaluation.Ensemble,
        },
        ["shapes"] = new Dictionary<string, object?>
        {
            ["f_dim"] = spec.Shapes.FDim,
            ["t_dim"] = spec.Shapes.TDim,
            ["patches"] = spec.Shapes.PatchCount,
            ["tokens"] = spec.Shapes.TokenCount,
            ["parameters"] = spec.Shapes.ParameterCount,
            ["flops"] = spec.Shapes.Flops,
            ["training_tokens"] = spec.Shapes.TrainingTokenCount,
            ["training_flops"] = spec.Shapes.TrainingFlops,
        },
    };

    // Units are the language's base units: Hz, ms, frames.
    private static Dictionary<string, object?> Features(FeatureSettings f) => new()
    {
        ["sample_rate"] = f.SampleRate,
        ["mel_bins"] = f.MelBins,
        ["frame_length"] = f.FrameLengthMs,
        ["frame_shift"] = f.FrameShiftMs,
        ["target_length"] = f.TargetLength,
        ["mean"] = f.NormMean,
        ["std"] = f.NormStd,
        ["window"] = LanguageWords.Of(f.Window),
        ["downmix"] = f.Downmix,
        ["resample"] = f.Resample,
        ["cache"] = f.Cache,
    };

    private static Dictionary<string, object?> Model(AstOptions m, PretrainSettings pretrain) => new()
    {
        ["size"] = LanguageWords.Of(m.Size),
        ["width"] = m.Width,
        ["depth"] = m.Depth,
        ["heads"] = m.Heads,
        ["mlp_ratio"] = m.MlpRatio,
        ["patch"] = new List<int> { m.FPatch, m.TPatch },
        ["stride"] = new List<int> { m.FStride, m.TStride },
        ["input"] = new List<int> { m.InputFDim, m.InputTDim },
        ["tokens"] = m.DistillationToken ? "distilled" : "cls",
        ["position"] = LanguageWords.Of(m.Position),
        ["patchout"] = m.Patchout.SpecText(),
        ["labels"] = m.LabelCount,
        ["dropout"] = m.DropRate,
        ["attention_dropout"] = m.AttentionDropRate,
        ["pretrain"] = new Dictionary<string, object?>
        {
            ["kind"] = LanguageWords.Of(pretrain.Kind),
            ["path"] = pretrain.CheckpointPath,
        },
    };

    private static Dictionary<string, object?> Data(DataSettings d) => new()
    {
        ["train"] = d.TrainFile,
        ["eval"] = d.EvalFile,
        ["label_csv"] = d.LabelCsv,
        ["sample_weights"] = d.SampleWeightFile,
        ["folds"] = d.Folds.ToList(),
        ["on_bad_file"] = LanguageWords.Of(d.OnBadFile),
        ["workers"] = d.Workers,
    };

    private static Dictionary<string, object?> Augment(AugmentSettings a) => new()
    {
        ["mixup"] = a.Mixup,
        ["freqm"] = a.FreqMask,
        ["timem"] = a.TimeMask,
        ["noise"] = a.Noise,
        ["label_smoothing"] = a.LabelSmoothing,
    };

    private static Dictionary<string, object?> Train(TrainSettings t) => new()
    {
        ["optimizer"] = new Dictionary<string, object?>
        {
            ["kind"] = LanguageWords.Of(t.Optimizer.Kind),
            ["lr"] = t.Optimizer.LearningRate,
            ["betas"] = new List<double> { t.Optimizer.Beta1, t.Optimizer.Beta2 },
            ["weight_decay"] = t.Optimizer.WeightDecay,
        },
        ["loss"] = LanguageWords.Of(t.Loss),
        ["batch"] = t.BatchSize,
        ["epochs"] = t.Epochs,
        ["accumulation"] = t.AccumulationSteps,
        ["clip"] = t.ClipNorm,
        ["warmup"] = t.Schedule.Warmup,
        ["warmup_steps"] = t.Schedule.WarmupSteps,
        ["warmup_interval"] = t.Schedule.WarmupInterval,
        ["schedule"] = Schedule(t.Schedule),
        ["wa"] = t.WeightAveraging is { } range ? new List<int> { range.Start, range.End } : null,
        ["keep_checkpoints"] = t.KeepCheckpoints,
        ["precision"] = LanguageWords.Of(t.Precision),
        ["gradient_checkpointing"] = t.GradientCheckpointing,
        ["seed"] = t.Seed,
    };

    // Only the arguments of the chosen schedule, as the spec would write the call.
    private static Dictionary<string, object?> Schedule(ScheduleSettings s) => s.Kind switch
    {
        ScheduleKind.MultiStep => new() { ["kind"] = LanguageWords.Of(s.Kind), ["start"] = s.DecayStart, ["step"] = s.DecayStep, ["gamma"] = s.Gamma },
        ScheduleKind.Plateau => new() { ["kind"] = LanguageWords.Of(s.Kind), ["patience"] = s.Patience, ["factor"] = s.PlateauFactor },
        _ => new() { ["kind"] = LanguageWords.Of(s.Kind) },
    };
}
