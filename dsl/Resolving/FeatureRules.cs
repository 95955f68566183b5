using AstDsl.Dsl.Binding;
using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Resolved;

namespace AstDsl.Dsl.Resolving;

/// <summary>Checks that the front end can run: frames of whole samples, a bounded input, masks that fit it.</summary>
internal static class FeatureRules
{
    public static void Check(BoundSpec spec, FeatureSettings features, AugmentSettings augment, BindContext context)
    {
        if (!spec.AnyRejected("features.sample_rate", "features.frame_length", "features.frame_shift"))
            CheckFrames(spec, features, context);
        if (spec.AnyRejected("features.mel_bins", "features.target_length", "features.frame_shift")) return;
        if (features.TargetLength > SpecSchema.MaxFrames)
            context.Report(DiagnosticCatalog.OutOfRange, spec.SpanOf("features.target_length"),
                $"target_length is longer than {SpecSchema.MaxFrames} frames; use shorter clips or a longer frame_shift");
        if (augment.FreqMask > features.MelBins)
            context.Report(DiagnosticCatalog.OutOfRange, spec.SpanOf("augment.freqm"),
                $"freqm {augment.FreqMask} masks more than the {features.MelBins} mel bins; use at most {features.MelBins}");
        if (augment.TimeMask > features.TargetLength)
            context.Report(DiagnosticCatalog.OutOfRange, spec.SpanOf("augment.timem"),
                $"timem {augment.TimeMask} masks more than the {features.TargetLength} frames; use at most {features.TargetLength}");
    }

    /// <summary>Kaldi frames as the runtime cuts them: int(rate * ms / 1000) samples, a window of 2 or more, a hop of 1 or more.</summary>
    private static void CheckFrames(BoundSpec spec, FeatureSettings features, BindContext context)
    {
        static long Samples(int rate, double ms) => (long)(rate * ms * 0.001);
        var rate = features.SampleRate;
        if (Samples(rate, features.FrameLengthMs) < 2)
            context.Report(DiagnosticCatalog.OutOfRange, spec.SpanOf("features.frame_length", "features.sample_rate"),
                $"a {features.FrameLengthMs} ms frame at {rate} Hz holds fewer than 2 samples; use a frame_length of at least {Math.Ceiling(2000.0 / rate * 1000) / 1000} ms");
        if (Samples(rate, features.FrameShiftMs) < 1)
            context.Report(DiagnosticCatalog.OutOfRange, spec.SpanOf("features.frame_shift", "features.sample_rate"),
                $"a {features.FrameShiftMs} ms frame_shift at {rate} Hz is shorter than one sample; use at least {Math.Ceiling(1000.0 / rate * 1000) / 1000} ms");
    }
}
