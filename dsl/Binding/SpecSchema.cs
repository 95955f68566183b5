using AstDsl.Dsl.Binding.Kinds;

namespace AstDsl.Dsl.Binding;

/// <summary>
/// Every block and field of the language and what each accepts. Defaults live in <see cref="Resolving.SpecResolver"/>,
/// next to the typed values they fill.
/// </summary>
internal static class SpecSchema
{
    private static readonly string[] Metrics = MetricNames.All.ToArray();

    private static readonly NumberKind Count = new(true, Bounds.AtLeast(1));
    private static readonly NumberKind NonNegativeCount = new(true, Bounds.AtLeast(0));
    private static readonly NumberKind Rate = new(false, Bounds.Rate);
    private static readonly Bounds Gamma = new(0, false, 1, true, Diagnostics.DiagnosticCatalog.OutOfRange);
    private static readonly Bounds PlateauFactor = new(0, false, 1, false, Diagnostics.DiagnosticCatalog.OutOfRange);

    private static readonly Parameter[] AdamArguments =
    {
        new("lr", new NumberKind(false, Bounds.LearningRate)),
        new("betas", new TupleKind(Rate, Rate)),
        new("weight_decay", new NumberKind(false, Bounds.AtLeast(0))),
    };

    private static readonly Parameter[] CheckpointArguments = { new("path", TextKind.Instance, Required: true) };

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, FieldDefinition>> Blocks { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, FieldDefinition>>(StringComparer.Ordinal)
        {
            ["features"] = Block(
                ("sample_rate", new(new NumberKind(true, Bounds.Positive, Units.Frequency))),
                ("mel_bins", new(new NumberKind(true, Bounds.AtLeast(1), Units.Bins))),
                ("frame_length", new(new NumberKind(false, Bounds.Positive, Units.Time))),
                ("frame_shift", new(new NumberKind(false, Bounds.Positive, Units.Time))),
                ("target_length", new(new NumberKind(false, Bounds.Positive, Units.Frames, Units.Time))),
                ("mean", new(new NumberKind(false, null))),
                ("std", new(new NumberKind(false, Bounds.Positive))),
                ("window", new(new OptionKind(LanguageWords.All<WindowKind>()))),
                ("downmix", new(SwitchKind.Instance)),
                ("resample", new(SwitchKind.Instance))),
            ["model"] = Block(
                ("size", new(new OptionKind(LanguageWords.All<ModelSize>().Where(word => word != LanguageWords.Of(ModelSize.Custom)).ToArray()))),
                ("width", new(Count)),
                ("depth", new(Count)),
                ("heads", new(Count)),
                ("mlp_ratio", new(Count)),
                ("patch", new(new PairKind(Bounds.AtLeast(1)))),
                ("stride", new(new PairKind(Bounds.AtLeast(1)))),
                ("input", new(new PairKind(Bounds.AtLeast(1)))),
                ("tokens", new(new OptionKind("distilled", "cls"))),
                ("labels", new(Count, Required: true, Example: "527")),
                ("dropout", new(Rate)),
                ("attention_dropout", new(Rate)),
                ("pretrain", new(new ChoiceKind(new Dictionary<string, Parameter[]>
                {
                    ["none"] = Array.Empty<Parameter>(),
                    ["imagenet"] = CheckpointArguments,
                    ["audioset"] = CheckpointArguments,
                })))),
            ["data"] = Block(
                ("train", new(TextKind.Instance, Required: true, Example: "\"data/train.json\"")),
                ("eval", new(TextKind.Instance, Required: true, Example: "\"data/eval.json\"")),
                ("label_csv", new(TextKind.Instance, Required: true, Example: "\"data/class_labels_indices.csv\"")),
                ("sample_weights", new(new OrOffKind(TextKind.Instance))),
                ("folds", new(new ListKind(Count, new RangeKind(Bounds.AtLeast(1))))),
                ("on_bad_file", new(new OptionKind(LanguageWords.All<BadFilePolicy>()))),
                ("workers", new(NonNegativeCount))),
            ["augment"] = Block(
                ("mixup", new(new NumberKind(false, Bounds.Probability))),
                ("freqm", new(new NumberKind(true, Bounds.AtLeast(0), Units.Bins))),
                ("timem", new(new NumberKind(true, Bounds.AtLeast(0), Units.Frames))),
                ("noise", new(SwitchKind.Instance)),
                ("label_smoothing", new(Rate))),
            ["train"] = Block(
                ("optimizer", new(new ChoiceKind(new Dictionary<string, Parameter[]>
                {
                    ["adam"] = AdamArguments,
                    ["adamw"] = AdamArguments,
                }))),
                ("loss", new(new OptionKind(LanguageWords.All<LossKind>()))),
                ("batch", new(Count)),
                ("epochs", new(Count)),
                ("accumulation", new(Count)),
                ("clip", new(new OrOffKind(new NumberKind(false, Bounds.Positive)))),
                ("warmup", new(SwitchKind.Instance)),
                ("warmup_steps", new(new NumberKind(true, Bounds.AtLeast(1), Units.Steps))),
                ("warmup_interval", new(new NumberKind(true, Bounds.AtLeast(1), Units.Steps))),
                ("schedule", new(new ChoiceKind(new Dictionary<string, Parameter[]>
                {
                    ["constant"] = Array.Empty<Parameter>(),
                    ["multistep"] = new Parameter[] { new("start", Count), new("step", Count), new("gamma", new NumberKind(false, Gamma)) },
                    ["plateau"] = new Parameter[] { new("patience", NonNegativeCount), new("factor", new NumberKind(false, PlateauFactor)) },
                }))),
                ("wa", new(new OrOffKind(new RangeKind(Bounds.AtLeast(1))))),
                ("keep_checkpoints", new(NonNegativeCount)),
                ("seed", new(NonNegativeCount))),
            ["evaluation"] = Block(
                ("metrics", new(new ListKind(new OptionKind(Metrics)))),
                ("main", new(new OptionKind(Metrics))),
                ("ensemble", new(SwitchKind.Instance))),
        };

    private static IReadOnlyDictionary<string, FieldDefinition> Block(params (string Name, FieldDefinition Definition)[] fields) =>
        fields.ToDictionary(field => field.Name, field => field.Definition, StringComparer.Ordinal);
}
