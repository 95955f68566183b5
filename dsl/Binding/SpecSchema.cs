using AstDsl.Dsl.Binding.Kinds;

namespace AstDsl.Dsl.Binding;

/// <summary>
/// Every block and field of the language and what each accepts. Defaults live in <see cref="Resolving.SpecResolver"/>,
/// next to the typed values they fill.
/// </summary>
internal static class SpecSchema
{
    private static readonly string[] Metrics = MetricNames.All.ToArray();

    /// <summary>
    /// The longest experiment name: it becomes a C# class name, and the compiler refuses identifiers past 512
    /// characters (CS7013) once prefixes and suffixes are added.
    /// </summary>
    public const int MaxNameLength = 100;

    /// <summary>The most folds a cross-validation may list (ESC-50 has 5, the common maximum is 10).</summary>
    public const int MaxFolds = 100;

    /// <summary>The longest input in frames (100,000 frames is 1,000 s at the default 10 ms shift).</summary>
    public const int MaxFrames = 100000;

    /// <summary>The most epochs a run may have; epoch numbers in schedules and ranges stay within it.</summary>
    public const int MaxEpochs = 100000;

    private static readonly NumberKind Rate = new(false, Bounds.Rate);
    private static readonly Bounds Gamma = new(0, false, 1, true, Diagnostics.DiagnosticCatalog.OutOfRange);
    private static readonly Bounds PlateauFactor = new(0, false, 1, false, Diagnostics.DiagnosticCatalog.OutOfRange);

    private static readonly Parameter[] AdamArguments =
    {
        new("lr", new NumberKind(false, Bounds.LearningRate)),
        new("betas", new TupleKind(Rate, Rate)),
        new("weight_decay", new NumberKind(false, Bounds.Between(0, 1))),
    };

    private static readonly Parameter[] CheckpointArguments = { new("path", TextKind.Instance, Required: true) };

    /// <summary>The block that makes a spec a self-supervised pretraining stage on unlabelled audio.</summary>
    public const string PretrainBlock = "pretrain";

    private static readonly NumberKind Weight = new(false, Bounds.AtLeast(0));

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, FieldDefinition>> Blocks { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, FieldDefinition>>(StringComparer.Ordinal)
        {
            ["features"] = Block(
                ("sample_rate", new(new NumberKind(true, Bounds.Between(1000, 384000), Units.Frequency))),
                ("mel_bins", new(CountUpTo(1024, Units.Bins))),
                ("frame_length", new(new NumberKind(false, Bounds.PositiveUpTo(1000), Units.Time))),
                ("frame_shift", new(new NumberKind(false, Bounds.PositiveUpTo(1000), Units.Time))),
                ("target_length", new(new NumberKind(false, Bounds.Positive, Units.Frames, Units.Time))),
                ("mean", new(new NumberKind(false, null))),
                ("std", new(new NumberKind(false, Bounds.Positive))),
                ("window", new(new OptionKind(LanguageWords.All<WindowKind>()))),
                ("downmix", new(SwitchKind.Instance)),
                ("resample", new(SwitchKind.Instance)),
                ("cache", new(SwitchOrTextKind.Instance))),
            ["model"] = Block(
                ("size", new(new OptionKind(LanguageWords.All<ModelSize>().Where(word => word != LanguageWords.Of(ModelSize.Custom)).ToArray()))),
                ("width", new(CountUpTo(16384))),
                ("depth", new(CountUpTo(1024))),
                ("heads", new(CountUpTo(1024))),
                ("mlp_ratio", new(CountUpTo(64))),
                ("patch", new(new PairKind(Bounds.Between(1, MaxFrames)))),
                ("stride", new(new PairKind(Bounds.Between(1, MaxFrames)))),
                ("input", new(new PairKind(Bounds.Between(1, MaxFrames)))),
                ("tokens", new(new OptionKind("distilled", "cls"))),
                ("position", new(new OptionKind(LanguageWords.All<PositionKind>()))),
                ("patchout", new(new ChoiceKind(new Dictionary<string, Parameter[]>
                {
                    [LanguageWords.Of(PatchoutKind.None)] = Array.Empty<Parameter>(),
                    [LanguageWords.Of(PatchoutKind.Structured)] = new Parameter[]
                    {
                        new("freq", new NumberKind(true, Bounds.Between(0, MaxFrames))),
                        new("time", new NumberKind(true, Bounds.Between(0, MaxFrames))),
                    },
                    [LanguageWords.Of(PatchoutKind.Unstructured)] = new Parameter[] { new("share", Rate, Required: true) },
                }))),
                ("labels", new(CountUpTo(100000), Required: true, Example: "527", LabelsOnly: true)),
                ("dropout", new(Rate)),
                ("attention_dropout", new(Rate)),
                ("pretrain", new(new ChoiceKind(new Dictionary<string, Parameter[]>
                {
                    ["none"] = Array.Empty<Parameter>(),
                    ["imagenet"] = CheckpointArguments,
                    ["audioset"] = CheckpointArguments,
                    ["ssl"] = CheckpointArguments.Append(new Parameter("spec", TextKind.Instance)).ToArray(),
                })))),
            ["data"] = Block(
                ("train", new(TextKind.Instance, Required: true, Example: "\"data/train.json\"")),
                ("eval", new(TextKind.Instance, Required: true, Example: "\"data/eval.json\"")),
                ("label_csv", new(TextKind.Instance, Required: true, Example: "\"data/class_labels_indices.csv\"", LabelsOnly: true)),
                ("sample_weights", new(new OrOffKind(TextKind.Instance))),
                ("folds", new(new ListKind(CountUpTo(MaxFolds), MaxFolds, new RangeKind(Bounds.Between(1, MaxFolds))))),
                ("on_bad_file", new(new OptionKind(LanguageWords.All<BadFilePolicy>()))),
                ("workers", new(new NumberKind(true, Bounds.Between(0, 256))))),
            ["augment"] = Block(
                ("mixup", new(new NumberKind(false, Bounds.Probability))),
                ("freqm", new(new NumberKind(true, Bounds.Between(0, 1024), Units.Bins))),
                ("timem", new(new NumberKind(true, Bounds.Between(0, MaxFrames), Units.Frames))),
                ("noise", new(SwitchKind.Instance)),
                ("label_smoothing", new(Rate))),
            ["train"] = Block(
                ("optimizer", new(new ChoiceKind(new Dictionary<string, Parameter[]>
                {
                    ["adam"] = AdamArguments,
                    ["adamw"] = AdamArguments,
                }))),
                ("loss", new(new OptionKind(LanguageWords.All<LossKind>()))),
                ("batch", new(CountUpTo(65536))),
                ("epochs", new(CountUpTo(MaxEpochs))),
                ("accumulation", new(CountUpTo(65536))),
                ("clip", new(new OrOffKind(new NumberKind(false, Bounds.Positive)))),
                ("warmup", new(SwitchKind.Instance)),
                ("warmup_steps", new(CountUpTo(100000000, Units.Steps))),
                ("warmup_interval", new(CountUpTo(100000000, Units.Steps))),
                ("schedule", new(new ChoiceKind(new Dictionary<string, Parameter[]>
                {
                    ["constant"] = Array.Empty<Parameter>(),
                    ["multistep"] = new Parameter[] { new("start", CountUpTo(MaxEpochs)), new("step", CountUpTo(MaxEpochs)), new("gamma", new NumberKind(false, Gamma)) },
                    ["plateau"] = new Parameter[] { new("patience", new NumberKind(true, Bounds.Between(0, MaxEpochs))), new("factor", new NumberKind(false, PlateauFactor)) },
                }))),
                ("wa", new(new OrOffKind(new RangeKind(Bounds.Between(1, MaxEpochs))))),
                ("keep_checkpoints", new(new NumberKind(true, Bounds.Between(0, MaxEpochs)))),
                ("precision", new(new OptionKind(LanguageWords.All<Precision>()))),
                ("gradient_checkpointing", new(SwitchKind.Instance)),
                ("seed", new(new NumberKind(true, Bounds.AtLeast(0))))),
            [PretrainBlock] = Block(
                ("objective", new(new ChoiceKind(new Dictionary<string, Parameter[]>
                {
                    ["ssl"] = new Parameter[] { new("mpc", Weight), new("mpg", Weight) },
                }))),
                ("masked_patches", new(CountUpTo(MaxFrames))),
                ("cluster", new(SwitchKind.Instance))),
            ["evaluation"] = Block(
                ("metrics", new(new ListKind(new OptionKind(Metrics), Metrics.Length))),
                ("main", new(new OptionKind(Metrics))),
                ("ensemble", new(SwitchKind.Instance))),
        };

    // Upper limits keep every value inside what the runtime can allocate and count in 32-bit integers and floats;
    // each is far beyond any published AST setup (the largest: 768 wide, 12 deep, 1024 x 128 input, 527 labels).
    private static NumberKind CountUpTo(int max, params string[] units) => new(true, Bounds.Between(1, max), units);

    private static IReadOnlyDictionary<string, FieldDefinition> Block(params (string Name, FieldDefinition Definition)[] fields) =>
        fields.ToDictionary(field => field.Name, field => field.Definition, StringComparer.Ordinal);
}
