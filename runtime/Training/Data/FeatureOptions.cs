using AstDsl.Audio.Features;
using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;

namespace AstDsl.Training.Data;

/// <summary>Translates the spec's feature settings into the audio front end's options.</summary>
public static class FeatureOptions
{
    /// <summary>The clip pipeline options for <paramref name="features"/>.</summary>
    /// <exception cref="TrainingConfigurationException">Unknown window name.</exception>
    public static ClipPipelineOptions ToPipeline(FeatureSettings features) => new()
    {
        Fbank = FbankOptions.Official with
        {
            MelBins = features.MelBins,
            FrameLengthMs = features.FrameLengthMs,
            FrameShiftMs = features.FrameShiftMs,
            Window = Enum.TryParse<WindowType>(features.Window, ignoreCase: true, out var window)
                ? window
                : throw new TrainingConfigurationException("features.window", $"unknown window '{features.Window}'; use hanning, hamming, povey, rectangular or blackman."),
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
