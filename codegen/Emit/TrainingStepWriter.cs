using System.Text;
using AstDsl.Dsl.Resolved;
using static AstDsl.CodeGen.Emit.CSharpLiteral;

namespace AstDsl.CodeGen.Emit;

/// <summary>
/// The body of a generated <c>CreateTrainingRecipe()</c>: the spec's training step written as calls of runtime pieces,
/// one line per step the spec declares, in the official order. Steps a spec leaves out (mixup 0, masks 0, noise off,
/// accumulation 1, clip off) are not written at all, so the generated code shows exactly what a training batch goes through.
/// </summary>
internal static class TrainingStepWriter
{
    private const string Audio = "global::AstDsl.Audio.Augment.";
    private const string Optimization = "global::AstDsl.Training.Optimization.";
    private const string Schedules = "global::AstDsl.Training.Schedules.";

    /// <summary>The object initialiser of the recipe, indented by <paramref name="indent"/>.</summary>
    public static string Write(ResolvedSpec spec, string indent)
    {
        var train = spec.Train;
        var text = new StringBuilder();
        text.Append(indent).Append("Clips = ").Append(Audio).Append("ClipRecipe.Load()");
        foreach (var step in ClipSteps(spec)) text.Append('\n').Append(indent).Append("    .").Append(step);
        text.Append(",\n");
        text.Append(indent).Append("Loss = ").Append(Optimization).Append("LossFunction.").Append(Loss(train.Loss)).Append(",\n");
        // Off is the recipe's own default, so only a spec that turns them on gets these lines.
        if (train.AccumulationSteps != 1) text.Append(indent).Append("AccumulationSteps = ").Append(Int(train.AccumulationSteps)).Append(",\n");
        if (train.ClipNorm is { } clip) text.Append(indent).Append("ClipNorm = ").Append(Double(clip)).Append(",\n");
        text.Append(indent).Append("Optimizer = ").Append(Optimizer(train.Optimizer)).Append(",\n");
        text.Append(indent).Append("Schedule = ").Append(Schedule(train.Schedule)).Append(',');
        return text.ToString();
    }

    private static IEnumerable<string> ClipSteps(ResolvedSpec spec)
    {
        var augment = spec.Augment;
        if (augment.Mixup > 0) yield return $"Mixup(probability: {Double(augment.Mixup)}, alpha: {Double(AugmentSettings.MixupAlpha)})";
        yield return "Fbank()";
        if (augment.FreqMask > 0) yield return $"MaskFrequency(maxWidth: {Int(augment.FreqMask)})";
        if (augment.TimeMask > 0) yield return $"MaskTime(maxWidth: {Int(augment.TimeMask)})";
        yield return $"Normalize(mean: {Float((float)spec.Features.NormMean)}, std: {Float((float)spec.Features.NormStd)})";
        if (augment.Noise) yield return "Noise()";
        if (augment.LabelSmoothing > 0) yield return $"SmoothLabels(epsilon: {Double(augment.LabelSmoothing)})";
    }

    private static string Loss(LossKind loss) => loss switch
    {
        LossKind.Bce => "BinaryCrossEntropy",
        LossKind.Ce => "CrossEntropy",
        _ => throw Unknown(loss),
    };

    private static string Optimizer(OptimizerSettings o)
    {
        var name = o.Kind switch
        {
            OptimizerKind.Adam => "Adam",
            OptimizerKind.AdamW => "AdamW",
            _ => throw Unknown(o.Kind),
        };
        return $"{Optimization}OptimizerRecipe.{name}(lr: {Double(o.LearningRate)}, betas: ({Double(o.Beta1)}, {Double(o.Beta2)}), weightDecay: {Double(o.WeightDecay)})";
    }

    private static string Schedule(ScheduleSettings s)
    {
        var then = s.Warmup ? "Then" : "";
        var decay = s.Kind switch
        {
            ScheduleKind.MultiStep => $"{then}MultiStep(start: {Int(s.DecayStart)}, step: {Int(s.DecayStep)}, gamma: {Double(s.Gamma)})",
            ScheduleKind.Plateau => $"{then}Plateau(patience: {Int(s.Patience)}, factor: {Double(s.PlateauFactor)})",
            ScheduleKind.Constant => $"{then}Constant()",
            _ => throw Unknown(s.Kind),
        };
        return s.Warmup
            ? $"{Schedules}ScheduleRecipe.Warmup(steps: {Int(s.WarmupSteps)}, interval: {Int(s.WarmupInterval)}).{decay}"
            : $"{Schedules}ScheduleRecipe.{decay}";
    }

    // The resolver only produces declared kinds; a new enum member must get its line here.
    private static ArgumentOutOfRangeException Unknown<T>(T kind) => new(typeof(T).Name, kind, "the generator has no training-step line for this kind");
}
