using AstDsl.Dsl.Resolved;
using YamlDotNet.Serialization;

namespace AstDsl.Dsl.Serialization;

/// <summary>
/// The resolved spec as YAML (<c>astc show</c>, and stored with every run), with the language's field names so a
/// reader can match it to the spec.
/// </summary>
public static class SpecYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder().Build();

    /// <summary>YAML text of <paramref name="spec"/>: name, hash, every section with defaults filled in, and the inferred shapes.</summary>
    public static string Serialize(ResolvedSpec spec) => Serializer.Serialize(Document(spec));

    private static Dictionary<string, object?> Document(ResolvedSpec spec) => new()
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
        },
    };

    private static Dictionary<string, object?> Features(FeatureSpec f) => new()
    {
        ["sample_rate_hz"] = f.SampleRate,
        ["mel_bins"] = f.MelBins,
        ["frame_length_ms"] = f.FrameLengthMs,
        ["frame_shift_ms"] = f.FrameShiftMs,
        ["target_length_frames"] = f.TargetLength,
        ["mean"] = f.NormMean,
        ["std"] = f.NormStd,
        ["window"] = f.Window,
        ["downmix"] = f.Downmix,
        ["resample"] = f.Resample,
    };

    private static Dictionary<string, object?> Model(ModelSpec m, PretrainSpec pretrain) => new()
    {
        ["size"] = m.Size,
        ["width"] = m.Width,
        ["depth"] = m.Depth,
        ["heads"] = m.Heads,
        ["mlp_ratio"] = m.MlpRatio,
        ["patch"] = m.PatchSize,
        ["fstride"] = m.FStride,
        ["tstride"] = m.TStride,
        ["input_fdim"] = m.InputFDim,
        ["input_tdim"] = m.InputTDim,
        ["tokens"] = m.DistillationToken ? "distilled" : "cls",
        ["labels"] = m.LabelCount,
        ["dropout"] = m.DropRate,
        ["attention_dropout"] = m.AttentionDropRate,
        ["pretrain"] = pretrain.Kind,
        ["pretrain_path"] = pretrain.CheckpointPath,
    };

    private static Dictionary<string, object?> Data(DataSpec d) => new()
    {
        ["train"] = d.TrainFile,
        ["eval"] = d.EvalFile,
        ["label_csv"] = d.LabelCsv,
        ["sample_weights"] = d.SampleWeightFile,
        ["folds"] = d.Folds.ToList(),
        ["on_bad_file"] = d.OnBadFile,
        ["workers"] = d.Workers,
    };

    private static Dictionary<string, object?> Augment(AugmentSpec a) => new()
    {
        ["mixup"] = a.Mixup,
        ["freqm"] = a.FreqMask,
        ["timem"] = a.TimeMask,
        ["noise"] = a.Noise,
        ["label_smoothing"] = a.LabelSmoothing,
    };

    private static Dictionary<string, object?> Train(TrainSpec t) => new()
    {
        ["optimizer"] = t.Optimizer.Name,
        ["lr"] = t.Optimizer.LearningRate,
        ["betas"] = new List<double> { t.Optimizer.Beta1, t.Optimizer.Beta2 },
        ["weight_decay"] = t.Optimizer.WeightDecay,
        ["loss"] = t.Loss,
        ["batch"] = t.BatchSize,
        ["epochs"] = t.Epochs,
        ["accumulation"] = t.AccumulationSteps,
        ["clip"] = t.ClipNorm,
        ["warmup"] = t.Warmup,
        ["warmup_steps"] = t.WarmupSteps,
        ["warmup_interval"] = t.WarmupInterval,
        ["schedule"] = t.Schedule.Kind,
        ["schedule_start"] = t.Schedule.DecayStart,
        ["schedule_step"] = t.Schedule.DecayStep,
        ["schedule_gamma"] = t.Schedule.Gamma,
        ["schedule_patience"] = t.Schedule.Patience,
        ["schedule_factor"] = t.Schedule.PlateauFactor,
        ["wa_start"] = t.WeightAveragingStart,
        ["wa_end"] = t.WeightAveragingEnd,
        ["seed"] = t.Seed,
    };
}
