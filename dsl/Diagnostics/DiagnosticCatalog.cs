namespace AstDsl.Dsl.Diagnostics;

/// <summary>
/// Every diagnostic the spec compiler can report. Ids are stable: never renumber, only append
/// (and document new ids in dsl/DIAGNOSTICS.md).
/// </summary>
public static class DiagnosticCatalog
{
    /// <summary>AST0001: the text does not follow the grammar.</summary>
    public static readonly DiagnosticDescriptor SyntaxError = Error("AST0001", "Syntax error");
    /// <summary>AST0002: a block name the language does not know.</summary>
    public static readonly DiagnosticDescriptor UnknownBlock = Error("AST0002", "Unknown block");
    /// <summary>AST0003: a field name the block does not know.</summary>
    public static readonly DiagnosticDescriptor UnknownField = Error("AST0003", "Unknown field");
    /// <summary>AST0004: a field or argument given twice in one place.</summary>
    public static readonly DiagnosticDescriptor Duplicate = Error("AST0004", "Duplicate field or argument");
    /// <summary>AST0005: a value of the wrong kind (text where a number is expected, ...).</summary>
    public static readonly DiagnosticDescriptor WrongType = Error("AST0005", "Wrong value type");
    /// <summary>AST0006: a unit that does not fit the field.</summary>
    public static readonly DiagnosticDescriptor WrongUnit = Error("AST0006", "Wrong unit");
    /// <summary>AST0007: a number outside the field's valid range.</summary>
    public static readonly DiagnosticDescriptor OutOfRange = Error("AST0007", "Value out of range");
    /// <summary>AST0008: a required field or argument is absent.</summary>
    public static readonly DiagnosticDescriptor MissingRequired = Error("AST0008", "Missing required field");
    /// <summary>AST0009: the spec named by <c>extends</c> cannot be read.</summary>
    public static readonly DiagnosticDescriptor ExtendedSpecNotFound = Error("AST0009", "Extended spec not found");
    /// <summary>AST0010: specs extend each other in a cycle.</summary>
    public static readonly DiagnosticDescriptor ExtendsCycle = Error("AST0010", "Cycle in extends");
    /// <summary>AST0011: a patch stride larger than the patch leaves input unseen.</summary>
    public static readonly DiagnosticDescriptor StrideLargerThanPatch = Error("AST0011", "Stride larger than patch");
    /// <summary>AST0012: attention heads must divide the width.</summary>
    public static readonly DiagnosticDescriptor HeadsDoNotDivideWidth = Error("AST0012", "Heads do not divide width");
    /// <summary>AST0013: the spectrogram is smaller than one patch.</summary>
    public static readonly DiagnosticDescriptor InputSmallerThanPatch = Error("AST0013", "Input smaller than a patch");
    /// <summary>AST0014: the learning rate must be positive and at most 1.</summary>
    public static readonly DiagnosticDescriptor NonPositiveLearningRate = Error("AST0014", "Learning rate out of range");
    /// <summary>AST0015: a probability outside [0, 1].</summary>
    public static readonly DiagnosticDescriptor ProbabilityOutOfRange = Error("AST0015", "Probability outside [0, 1]");
    /// <summary>AST0016: the model input differs from the features (mel bins x target length).</summary>
    public static readonly DiagnosticDescriptor InputMismatch = Error("AST0016", "Model input differs from features");
    /// <summary>AST0017: a pretrained checkpoint whose width differs from the model's.</summary>
    public static readonly DiagnosticDescriptor PretrainWidthMismatch = Error("AST0017", "Pretrained checkpoint width mismatch");
    /// <summary>AST0018: a name that is not one of the field's options.</summary>
    public static readonly DiagnosticDescriptor UnknownOption = Error("AST0018", "Unknown option");
    /// <summary>AST0019: a call argument the function does not take.</summary>
    public static readonly DiagnosticDescriptor UnknownArgument = Error("AST0019", "Unknown argument");
    /// <summary>AST0020: a range whose start exceeds its end, or that reaches past the last epoch.</summary>
    public static readonly DiagnosticDescriptor InvalidRange = Error("AST0020", "Invalid range");
    /// <summary>AST0021: the main metric is not among the reported metrics.</summary>
    public static readonly DiagnosticDescriptor MainMetricNotReported = Error("AST0021", "Main metric not reported");
    /// <summary>AST0022: folds are listed but the datafiles do not vary with them.</summary>
    public static readonly DiagnosticDescriptor FoldsWithoutPlaceholder = Error("AST0022", "Folds without {fold} placeholder");
    /// <summary>AST0023: two specs compiled together declare the same experiment (reported by the source generator).</summary>
    public static readonly DiagnosticDescriptor DuplicateExperimentName = Error("AST0023", "Duplicate experiment name");
    /// <summary>AST0024: a data file the spec names (datafile, label CSV, sample weights, checkpoint) does not exist yet.</summary>
    public static readonly DiagnosticDescriptor DataFileMissing = Warning("AST0024", "Data file not found");
    /// <summary>AST0025: a spec file longer than the loader reads, or not a regular file.</summary>
    public static readonly DiagnosticDescriptor SpecTooLarge = Error("AST0025", "Spec file too large");
    /// <summary>AST0026: a fine-tuning spec whose trunk or patch shape differs from the pretraining spec it names.</summary>
    public static readonly DiagnosticDescriptor PretrainSpecMismatch = Error("AST0026", "Pretraining spec mismatch");
    /// <summary>AST0027: pretrained weights whose patch projection or position embeddings cannot fill the model.</summary>
    public static readonly DiagnosticDescriptor PretrainShapeMismatch = Error("AST0027", "Pretrained weights do not fit the patches");
    /// <summary>AST0028: patchout that would leave no patch for a training step.</summary>
    public static readonly DiagnosticDescriptor PatchoutDropsEverything = Error("AST0028", "Patchout drops every patch");

    /// <summary>All descriptors, in id order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        SyntaxError, UnknownBlock, UnknownField, Duplicate, WrongType, WrongUnit, OutOfRange, MissingRequired,
        ExtendedSpecNotFound, ExtendsCycle, StrideLargerThanPatch, HeadsDoNotDivideWidth, InputSmallerThanPatch,
        NonPositiveLearningRate, ProbabilityOutOfRange, InputMismatch, PretrainWidthMismatch, UnknownOption,
        UnknownArgument, InvalidRange, MainMetricNotReported, FoldsWithoutPlaceholder, DuplicateExperimentName,
        DataFileMissing, SpecTooLarge, PretrainSpecMismatch, PretrainShapeMismatch, PatchoutDropsEverything,
    };

    private static DiagnosticDescriptor Error(string id, string title) => new(id, DiagnosticSeverity.Error, title);

    private static DiagnosticDescriptor Warning(string id, string title) => new(id, DiagnosticSeverity.Warning, title);
}
