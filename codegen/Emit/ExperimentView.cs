using AstDsl.Dsl.Resolved;
using AstDsl.Dsl.Serialization;
using static AstDsl.CodeGen.Emit.CSharpLiteral;

namespace AstDsl.CodeGen.Emit;

/// <summary>
/// Everything the Scriban template prints, already as C# source text, so the template holds layout only and
/// every value is formatted in one tested place.
/// </summary>
internal sealed class ExperimentView
{
    public ExperimentView(ResolvedSpec spec)
    {
        var m = spec.Model;
        var f = spec.Features;
        var t = spec.Train;
        Name = spec.Name;
        ClassName = Naming.ClassName(spec.Name);
        Namespace = Naming.Namespace;
        NameLiteral = String(spec.Name);
        SpecPath = String(spec.SpecPath);
        SpecDirectory = String(spec.SpecDirectory);
        SpecHash = String(spec.SpecHash);
        Yaml = String(SpecYaml.Serialize(spec));
        Shapes = new[]
        {
            ("int", "FDim", Int(spec.Shapes.FDim), "Patch rows: (mel bins - patch) / fstride + 1."),
            ("int", "TDim", Int(spec.Shapes.TDim), "Patch columns: (frames - patch) / tstride + 1."),
            ("int", "PatchCount", Int(spec.Shapes.PatchCount), "Patch tokens (FDim x TDim)."),
            ("int", "TokenCount", Int(spec.Shapes.TokenCount), "Sequence length including the class (and distillation) token."),
            ("long", "ParameterCount", Long(spec.Shapes.ParameterCount), "Trainable parameters."),
            ("long", "Flops", Long(spec.Shapes.Flops), "Forward FLOPs per clip (2 per multiply-add)."),
        }.Select(s => new Constant(s.Item1, s.Item2, s.Item3, s.Item4)).ToList();
        ModelOptions = Assignments(
            ("LabelCount", Int(m.LabelCount)), ("InputFDim", Int(m.InputFDim)), ("InputTDim", Int(m.InputTDim)),
            ("PatchSize", Int(m.PatchSize)), ("FStride", Int(m.FStride)), ("TStride", Int(m.TStride)),
            ("Width", Int(m.Width)), ("Depth", Int(m.Depth)), ("Heads", Int(m.Heads)), ("MlpRatio", Int(m.MlpRatio)),
            ("DistillationToken", Bool(m.DistillationToken)), ("DropRate", Double(m.DropRate)),
            ("AttentionDropRate", Double(m.AttentionDropRate)));
        Pretrain = Assignments(
            ("Kind", "PretrainKind." + EnumNames.Pretrain(spec.Pretrain.Kind)),
            ("CheckpointPath", NullableString(spec.Pretrain.CheckpointPath)));
        Features = Assignments(
            ("SampleRate", Int(f.SampleRate)), ("MelBins", Int(f.MelBins)), ("FrameLengthMs", Double(f.FrameLengthMs)),
            ("FrameShiftMs", Double(f.FrameShiftMs)), ("TargetLength", Int(f.TargetLength)), ("NormMean", Double(f.NormMean)),
            ("NormStd", Double(f.NormStd)), ("Window", String(f.Window)), ("Downmix", Bool(f.Downmix)), ("Resample", Bool(f.Resample)));
        Data = Assignments(
            ("TrainFile", String(spec.Data.TrainFile)), ("EvalFile", String(spec.Data.EvalFile)), ("LabelCsv", String(spec.Data.LabelCsv)),
            ("SampleWeightFile", NullableString(spec.Data.SampleWeightFile)), ("Folds", Array("int", spec.Data.Folds.Select(Int))),
            ("OnBadFile", "BadFilePolicy." + EnumNames.BadFile(spec.Data.OnBadFile)), ("Workers", Int(spec.Data.Workers)));
        Augment = Assignments(
            ("Mixup", Double(spec.Augment.Mixup)), ("FreqMask", Int(spec.Augment.FreqMask)), ("TimeMask", Int(spec.Augment.TimeMask)),
            ("Noise", Bool(spec.Augment.Noise)), ("LabelSmoothing", Double(spec.Augment.LabelSmoothing)));
        Optimizer = Assignments(
            ("Name", String(t.Optimizer.Name)), ("LearningRate", Double(t.Optimizer.LearningRate)), ("Beta1", Double(t.Optimizer.Beta1)),
            ("Beta2", Double(t.Optimizer.Beta2)), ("WeightDecay", Double(t.Optimizer.WeightDecay)));
        Schedule = Assignments(
            ("Warmup", Bool(t.Warmup)), ("WarmupSteps", Int(t.WarmupSteps)), ("WarmupInterval", Int(t.WarmupInterval)),
            ("Kind", "ScheduleKind." + EnumNames.Schedule(t.Schedule.Kind)),
            ("DecayStart", Int(t.Schedule.DecayStart)), ("DecayStep", Int(t.Schedule.DecayStep)), ("Gamma", Double(t.Schedule.Gamma)),
            ("Patience", Int(t.Schedule.Patience)), ("PlateauFactor", Double(t.Schedule.PlateauFactor)));
        Train = Assignments(
            ("Loss", "LossKind." + EnumNames.Loss(t.Loss)), ("BatchSize", Int(t.BatchSize)), ("Epochs", Int(t.Epochs)),
            ("AccumulationSteps", Int(t.AccumulationSteps)), ("ClipNorm", NullableDouble(t.ClipNorm)),
            ("WeightAveraging", t.WeightAveragingStart is { } start && t.WeightAveragingEnd is { } end ? $"({Int(start)}, {Int(end)})" : "null"),
            ("Seed", Int(t.Seed)));
        Evaluation = Assignments(
            ("Metrics", Array("string", spec.Evaluation.Metrics.Select(String))), ("MainMetric", String(spec.Evaluation.MainMetric)),
            ("Ensemble", Bool(spec.Evaluation.Ensemble)));
    }

    public string Name { get; }
    public string ClassName { get; }
    public string Namespace { get; }
    public string NameLiteral { get; }
    public string SpecPath { get; }
    public string SpecDirectory { get; }
    public string SpecHash { get; }
    public string Yaml { get; }
    public IReadOnlyList<Constant> Shapes { get; }
    public IReadOnlyList<Assignment> ModelOptions { get; }
    public IReadOnlyList<Assignment> Pretrain { get; }
    public IReadOnlyList<Assignment> Features { get; }
    public IReadOnlyList<Assignment> Data { get; }
    public IReadOnlyList<Assignment> Augment { get; }
    public IReadOnlyList<Assignment> Optimizer { get; }
    public IReadOnlyList<Assignment> Schedule { get; }
    public IReadOnlyList<Assignment> Train { get; }
    public IReadOnlyList<Assignment> Evaluation { get; }

    private static IReadOnlyList<Assignment> Assignments(params (string Member, string Value)[] items) =>
        items.Select(item => new Assignment(item.Member, item.Value)).ToList();
}

/// <summary>One <c>Member = value,</c> line of an object initialiser.</summary>
/// <param name="Member">Property name.</param>
/// <param name="Value">C# expression.</param>
internal sealed record Assignment(string Member, string Value);

/// <summary>One public constant.</summary>
/// <param name="Type">C# type.</param>
/// <param name="Name">Constant name.</param>
/// <param name="Value">C# literal.</param>
/// <param name="Doc">Its documentation.</param>
internal sealed record Constant(string Type, string Name, string Value, string Doc);
