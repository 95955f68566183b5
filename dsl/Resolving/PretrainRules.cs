using AstDsl.Dsl.Binding;
using AstDsl.Dsl.Diagnostics;

namespace AstDsl.Dsl.Resolving;

/// <summary>
/// Self-supervised pretraining rules: a pretraining spec masks fewer patches than it has and weighs at least one
/// objective; a fine-tuning spec that names its pretraining spec (<c>pretrain = ssl("...", spec: "...")</c>) keeps
/// that spec's patch shape and trunk, the rule SSAST's own code only finds at run time (AST0026). Strides and the
/// input length may differ: the position embeddings are adapted to the fine-tuning grid.
/// </summary>
internal static class PretrainRules
{
    public static void Check(BoundSpec spec, AstOptions model, PretrainSettings pretrain, BindContext context)
    {
        if (pretrain.MaskedModeling is not { } masking) return;
        var patches = (long)model.FDim * model.TDim;
        if (!spec.AnyRejected("pretrain.masked_patches", "model.patch", "model.stride", "features.mel_bins", "features.target_length")
            && patches > 0 && masking.MaskedPatches >= patches)
            context.Report(DiagnosticCatalog.OutOfRange, spec.SpanOf("pretrain.masked_patches", "model.patch"),
                $"{masking.MaskedPatches} masked patches leave nothing visible: the model has {patches} patches ({model.FDim} x {model.TDim}); mask fewer than {patches} (SSAST masks 400 of 512)");
        // Both read the classifier's predictions, which a pretraining run does not have.
        if (spec.Find("train.wa")?.Value is ValueTuple<int, int>)
            context.Report(DiagnosticCatalog.OutOfRange, spec.SpanOf("train.wa"),
                "a pretraining spec has no classifier whose averaged weights could be evaluated; write `wa = off` (or average when fine-tuning)");
        if (spec.Switch("evaluation.ensemble", false))
            context.Report(DiagnosticCatalog.OutOfRange, spec.SpanOf("evaluation.ensemble"),
                "a pretraining spec has no predictions to ensemble; write `ensemble = off`");
        if (masking.MpcWeight == 0 && masking.MpgWeight == 0)
            context.Report(DiagnosticCatalog.OutOfRange, spec.SpanOf("pretrain.objective"),
                "both objectives weigh 0, so nothing is learned; give mpc or mpg a positive weight, e.g. `objective = ssl(mpc: 1, mpg: 10)`");
    }

    /// <summary>Compares this fine-tuning spec with the pretraining spec it names as <paramref name="name"/> (already loaded and checked).</summary>
    public static void CheckAgainst(BoundSpec spec, AstOptions model, string name, SpecCompilation pretraining, BindContext context)
    {
        var span = spec.SpanOf("model.pretrain");
        if (pretraining.Spec is not { } source)
        {
            var first = pretraining.Diagnostics.FirstOrDefault(d => d.IsError);
            context.Report(DiagnosticCatalog.PretrainSpecMismatch, span,
                $"the pretraining spec '{name}' does not check{(first is null ? "" : $" ({first})")}; fix it or name the checkpoint alone");
            return;
        }
        if (source.Pretrain.MaskedModeling is null)
        {
            context.Report(DiagnosticCatalog.PretrainSpecMismatch, span,
                $"'{name}' is not a pretraining spec (it has no `pretrain {{ }}` block); name the spec that wrote the checkpoint");
            return;
        }
        var theirs = source.Model;
        if (theirs.FPatch != model.FPatch || theirs.TPatch != model.TPatch)
            context.Report(DiagnosticCatalog.PretrainSpecMismatch, spec.SpanOf("model.patch", "model.pretrain"),
                $"patch {model.FPatch} x {model.TPatch} differs from the pretraining spec's {theirs.FPatch} x {theirs.TPatch} ('{name}'); " +
                $"the patch embedding was learned on {theirs.FPatch} x {theirs.TPatch} patches, so write `patch = {PatchText(theirs)}` (strides may differ)");
        var trunk = new[]
        {
            ("width", theirs.Width, model.Width), ("depth", theirs.Depth, model.Depth),
            ("heads", theirs.Heads, model.Heads), ("mlp_ratio", theirs.MlpRatio, model.MlpRatio),
        }.Where(field => field.Item2 != field.Item3).ToList();
        if (trunk.Count > 0)
            context.Report(DiagnosticCatalog.PretrainSpecMismatch, span,
                $"the trunk differs from the pretraining spec '{name}': " +
                string.Join(", ", trunk.Select(field => $"{field.Item1} {field.Item3} here, {field.Item2} there")) + "; use the pretraining spec's model shape");
        if (theirs.DistillationToken != model.DistillationToken)
            context.Report(DiagnosticCatalog.PretrainSpecMismatch, span,
                $"tokens = {(model.DistillationToken ? "distilled" : "cls")} here but {(theirs.DistillationToken ? "distilled" : "cls")} in the pretraining spec '{name}'; write the same token kind");
    }

    // The language's own spelling: a square patch is one number.
    private static string PatchText(AstOptions model) => model.FPatch == model.TPatch ? $"{model.FPatch}" : $"{model.FPatch} x {model.TPatch}";
}
