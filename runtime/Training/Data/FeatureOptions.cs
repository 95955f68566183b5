using AstDsl.Audio.Features;
using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;

namespace AstDsl.Training.Data;

/// <summary>Translates the spec's feature settings into the audio front end's options.</summary>
public static class FeatureOptions
{
    /// <summary>The clip pipeline options for <paramref name="features"/>.</summary>
    /// <exception cref="TrainingConfigurationException">A window the front end does not know.</exception>
    public static ClipPipelineOptions ToPipeline(FeatureSettings features) => new()
    {
        Fbank = FbankOptions.Official with
        {
            MelBins = features.MelBins,
            FrameLengthMs = features.FrameLengthMs,
            FrameShiftMs = features.FrameShiftMs,
            Window = features.Window switch
            {
                WindowKind.Hanning => WindowType.Hanning,
                WindowKind.Hamming => WindowType.Hamming,
                WindowKind.Povey => WindowType.Povey,
                _ => throw new TrainingConfigurationException("features.window", $"unknown window {features.Window}; use hanning, hamming or povey."),
            },
        },
        TargetLength = features.TargetLength,
        Channels = features.Downmix ? ChannelPolicy.DownmixMono : ChannelPolicy.OfficialFirstChannel,
        SampleRate = features.Resample ? features.SampleRate : null,
        ExpectedSampleRate = features.SampleRate,
        NormMean = (float)features.NormMean,
        NormStd = (float)features.NormStd,
        RemoveWaveformMean = features.RemoveWaveformMean,
    };
}
