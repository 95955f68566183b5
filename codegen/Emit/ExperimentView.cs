using AstDsl.Dsl.Resolved;
using static AstDsl.CodeGen.Emit.CSharpLiteral;

namespace AstDsl.CodeGen.Emit;

/// <summary>
/// Everything the Scriban template prints, already as C# source text, so the template holds layout only and
/// every value is formatted in one tested place. Nothing here depends on where the spec lies on disk: the spec folder
/// and the resolved YAML are supplied when the experiment is loaded.
/// </summary>
internal sealed class ExperimentView
{
    private const string MemberIndent = "        ";

    public ExperimentView(ResolvedSpec spec)
    {
        Name = spec.Name;
        ClassName = Naming.ClassName(spec.Name);
        NetworkClassName = Naming.NetworkClassName(spec.Name);
        var m = spec.Model;
        var s = spec.Shapes;
        NetworkConstants = new[]
        {
            ("MelBins", m.InputFDim, "Mel bins per frame (input rows)."),
            ("Frames", m.InputTDim, "Frames per clip (input columns)."),
            ("Width", m.Width, "Embedding width."),
            ("Depth", m.Depth, "Transformer blocks."),
            ("Heads", m.Heads, "Attention heads per block."),
            ("Labels", m.LabelCount, "Output classes."),
        }.Select(c => new Constant("int", c.Item1, Int(c.Item2), c.Item3)).ToList();
        StateDictKeys = string.Join(",\n", AstDsl.Dsl.Inference.StateDictKeys.For(m).Select(key => "            " + String(key)));
        TrunkComment = $"patch embedding Conv2d(1, {m.Width}, {m.FPatch} x {m.TPatch}, stride {m.FStride} x {m.TStride}) -> {s.FDim} x {s.TDim} patches, "
            + (m.DistillationToken ? "class and distillation tokens" : "class token")
            + (m.Position == PositionKind.Grid ? $", {s.TokenCount} position embeddings" : $", {s.FDim} frequency and {s.TDim} time position embeddings")
            + $", {m.Depth} blocks of {m.Heads} heads (MLP {m.Width * m.MlpRatio}), final LayerNorm";
        HeadComment = $"LayerNorm({m.Width}) then Linear({m.Width}, {m.LabelCount})";
        Pooling = m.DistillationToken ? "ClassAndDistillationMean" : "ClassToken";
        ImageShape = $"(B, 1, {m.InputFDim}, {m.InputTDim})";
        TokenShape = $"(B, {s.TokenCount}, {m.Width})";
        PatchShape = $"(B, {s.PatchCount}, {m.Width})";
        PositionComment = m.Position == PositionKind.Grid
            ? "grid position embeddings, adapted for other lengths"
            : $"{s.FDim} frequency + {s.TDim} time position embeddings, the first ones for shorter clips";
        Patchout = m.Patchout.Kind == PatchoutKind.None
            ? null
            : $"training only: patchout {m.Patchout.SpecText()} keeps (B, {s.TrainingTokenCount}, {m.Width})";
        PooledShape = $"(B, {m.Width})";
        InputShape = $"(B, {m.InputTDim}, {m.InputFDim})";
        OutputShape = $"(B, {m.LabelCount})";
        Namespace = Naming.Namespace;
        NameLiteral = String(spec.Name);
        SpecHash = String(spec.SpecHash);
        GeneratorVersion = String(typeof(ExperimentView).Assembly.GetName().Version?.ToString() ?? "0.0.0.0");
        Shapes = new[]
        {
            ("int", "FDim", Int(spec.Shapes.FDim), "Patch rows: (mel bins - patch) / fstride + 1."),
            ("int", "TDim", Int(spec.Shapes.TDim), "Patch columns: (frames - patch) / tstride + 1."),
            ("int", "PatchCount", Int(spec.Shapes.PatchCount), "Patch tokens (FDim x TDim)."),
            ("int", "TokenCount", Int(spec.Shapes.TokenCount), "Sequence length including the class (and distillation) token."),
            ("long", "ParameterCount", Long(spec.Shapes.ParameterCount), "Trainable parameters."),
            ("long", "Flops", Long(spec.Shapes.Flops), "Forward FLOPs per clip (2 per multiply-add)."),
            ("int", "TrainingTokenCount", Int(spec.Shapes.TrainingTokenCount), "Sequence length of a training step (after patchout)."),
            ("long", "TrainingFlops", Long(spec.Shapes.TrainingFlops), "Forward FLOPs per clip in a training step (after patchout)."),
        }.Select(s => new Constant(s.Item1, s.Item2, s.Item3, s.Item4)).ToList();
        TrainingRecipe = TrainingStepWriter.Write(spec, MemberIndent + "    ");
        Sections = new[]
        {
            MakeSection("ModelOptions", "The network shape (<c>model</c>, with the input size from <c>features</c>).", spec.Model),
            MakeSection("Pretrain", "Initial weights (<c>model.pretrain</c>).", spec.Pretrain),
            MakeSection("Features", "Audio front end (<c>features</c>).", spec.Features),
            MakeSection("Data", "Datasets (<c>data</c>); paths relative to the spec's folder.", spec.Data),
            MakeSection("Augment", "Augmentation (<c>augment</c>).", spec.Augment),
            MakeSection("Train", "Optimisation (<c>train</c>).", spec.Train),
            MakeSection("Evaluation", "Evaluation (<c>evaluation</c>).", spec.Evaluation),
        };
    }

    public string Name { get; }
    public string ClassName { get; }
    public string Namespace { get; }
    public string NetworkClassName { get; }
    public IReadOnlyList<Constant> NetworkConstants { get; }
    public string StateDictKeys { get; }
    public string TrunkComment { get; }
    public string HeadComment { get; }
    public string Pooling { get; }
    public string InputShape { get; }
    public string ImageShape { get; }
    public string TokenShape { get; }
    public string PatchShape { get; }
    public string PositionComment { get; }
    public string? Patchout { get; }
    public string PooledShape { get; }
    public string OutputShape { get; }
    public string NameLiteral { get; }
    public string SpecHash { get; }
    public string GeneratorVersion { get; }
    public IReadOnlyList<Constant> Shapes { get; }
    public IReadOnlyList<Section> Sections { get; }
    public string TrainingRecipe { get; }

    private static Section MakeSection(string name, string doc, object value) =>
        new(ContractLiteral.TypeName(value.GetType()), name, doc, ContractLiteral.Of(value, MemberIndent));
}

/// <summary>One static, contract-typed section of the experiment.</summary>
/// <param name="Type">Its <c>global::</c> type name.</param>
/// <param name="Name">Property name.</param>
/// <param name="Doc">Its documentation.</param>
/// <param name="Value">The initialiser expression.</param>
internal sealed record Section(string Type, string Name, string Doc, string Value);

/// <summary>One public constant.</summary>
/// <param name="Type">C# type.</param>
/// <param name="Name">Constant name.</param>
/// <param name="Value">C# literal.</param>
/// <param name="Doc">Its documentation.</param>
internal sealed record Constant(string Type, string Name, string Value, string Doc);
