using AstDsl.Dsl.Binding;
using AstDsl.Dsl.Diagnostics;

namespace AstDsl.Dsl.Resolving;

/// <summary>Checks that involve several model and feature fields at once.</summary>
internal static class ModelRules
{
    /// <summary>The patch side of every pretrained checkpoint the transfers read (DeiT/ViT and the AudioSet AST).</summary>
    private const int PretrainedPatch = 16;

    public static void Check(BoundSpec spec, AstOptions model, PretrainSettings pretrain, BindContext context)
    {
        if (spec.Find("features.target_length")?.Value is Measure { Dimension: not Units.Time } frames && frames.Value != Math.Floor(frames.Value))
            context.Report(DiagnosticCatalog.WrongType, spec.SpanOf("features.target_length"),
                "'features.target_length' in frames must be a whole number; round it or give a duration like `10 s`");

        if (!spec.AnyRejected("model.stride", "model.patch") && (model.FStride > model.FPatch || model.TStride > model.TPatch))
            context.Report(DiagnosticCatalog.StrideLargerThanPatch, spec.SpanOf("model.stride", "model.patch"),
                $"stride {model.FStride} x {model.TStride} is larger than the patch ({model.FPatch} x {model.TPatch}), so some input is never seen; use a stride of at most {model.FPatch} x {model.TPatch}");
        if (!spec.AnyRejected("model.heads", "model.width", "model.size") && model.Width % model.Heads != 0)
            context.Report(DiagnosticCatalog.HeadsDoNotDivideWidth, spec.SpanOf("model.heads", "model.width", "model.size"),
                $"{model.Heads} heads do not divide width {model.Width}; choose heads among {string.Join(", ", Divisors(model.Width))}");
        if (!spec.AnyRejected("features.mel_bins", "features.target_length", "features.frame_shift", "model.input"))
            CheckInput(spec, model, context);
        CheckPretrain(spec, model, pretrain, context);
    }

    private static void CheckInput(BoundSpec spec, AstOptions model, BindContext context)
    {
        if (spec.Pair("model.input") is { } input && (input.First != model.InputFDim || input.Second != model.InputTDim))
            context.Report(DiagnosticCatalog.InputMismatch, spec.SpanOf("model.input"),
                $"model input {input.First} x {input.Second} differs from the features (mel_bins x target_length = {model.InputFDim} x {model.InputTDim}); change one so they agree, or drop `input`");
        var fits = true;
        if (model.InputFDim < model.FPatch)
        {
            fits = false;
            context.Report(DiagnosticCatalog.InputSmallerThanPatch, spec.SpanOf("features.mel_bins", "model.patch"),
                $"{model.InputFDim} mel bins are fewer than one patch ({model.FPatch}); use at least {model.FPatch} mel bins or a smaller patch");
        }
        if (model.InputTDim < model.TPatch)
        {
            fits = false;
            context.Report(DiagnosticCatalog.InputSmallerThanPatch, spec.SpanOf("features.target_length", "model.patch"),
                $"target length {model.InputTDim} frames is shorter than one patch ({model.TPatch}); use at least {model.TPatch} frames or a smaller patch");
        }
        if (fits && model.Patchout.Kind != PatchoutKind.None && !spec.AnyRejected("model.patch", "model.stride", "model.patchout") && model.TrainingPatchCount < 1)
            context.Report(DiagnosticCatalog.PatchoutDropsEverything, spec.SpanOf("model.patchout"),
                $"patchout {model.Patchout.SpecText()} leaves no patch of the {model.FDim} x {model.TDim} grid for training; " +
                $"drop fewer than {model.FDim} frequency rows and {model.TDim} time columns, or a share below 1");
    }

    private static void CheckPretrain(BoundSpec spec, AstOptions model, PretrainSettings pretrain, BindContext context)
    {
        if (pretrain.Kind == PretrainKind.None) return;
        var expected = pretrain.Kind switch
        {
            PretrainKind.AudioSet => SizePresets.AudioSetCheckpointWidth,
            PretrainKind.ImageNet when pretrain.CheckpointPath is not null => SizePresets.WidthFromCheckpointName(pretrain.CheckpointPath),
            _ => null,
        };
        if (expected is { } width && width != model.Width)
        {
            var source = pretrain.Kind == PretrainKind.AudioSet ? "AudioSet AST checkpoints are base384" : $"'{pretrain.CheckpointPath}' names a";
            context.Report(DiagnosticCatalog.PretrainWidthMismatch, spec.SpanOf("model.pretrain"),
                $"{source} width-{width} model but the model is {model.Width} wide; set `size` to a preset of width {width} or use another checkpoint");
        }
        // SSAST's rule: the patch projection of the checkpoint must have the model's patch shape; these checkpoints are 16 x 16.
        var weights = LanguageWords.Of(pretrain.Kind);
        if (!spec.AnyRejected("model.patch") && (model.FPatch != PretrainedPatch || model.TPatch != PretrainedPatch))
            context.Report(DiagnosticCatalog.PretrainShapeMismatch, spec.SpanOf("model.pretrain"),
                $"{weights} weights have {PretrainedPatch} x {PretrainedPatch} patches but the model's are {model.FPatch} x {model.TPatch}; " +
                $"write `patch = {PretrainedPatch}` or `pretrain = none`");
        if (!spec.AnyRejected("model.position") && model.Position != PositionKind.Grid)
            context.Report(DiagnosticCatalog.PretrainShapeMismatch, spec.SpanOf("model.pretrain"),
                $"{weights} weights have one grid of position embeddings but the model has `position = {LanguageWords.Of(model.Position)}`; " +
                $"write `position = {LanguageWords.Of(PositionKind.Grid)}` or `pretrain = none`");
    }

    private static IEnumerable<int> Divisors(int width) => Enumerable.Range(1, Math.Min(width, 64)).Where(h => width % h == 0);
}
