namespace AstDsl.Dsl.Resolved;

/// <summary>Audio front end, defaults as the official dataloader.</summary>
/// <param name="SampleRate">Sample rate in Hz (16000).</param>
/// <param name="MelBins">Mel bins (128).</param>
/// <param name="FrameLengthMs">Window length in ms (25).</param>
/// <param name="FrameShiftMs">Hop in ms (10).</param>
/// <param name="TargetLength">Frames per clip (1024); a duration is converted with the frame shift.</param>
/// <param name="NormMean">Dataset fbank mean (-4.2677393, AudioSet).</param>
/// <param name="NormStd">Dataset fbank std (4.5689974, AudioSet).</param>
/// <param name="Window">hanning, hamming or povey.</param>
/// <param name="Downmix">Average all channels.</param>
/// <param name="Resample">Resample files of another rate.</param>
public sealed record FeatureSpec(
    int SampleRate, int MelBins, double FrameLengthMs, double FrameShiftMs, int TargetLength,
    double NormMean, double NormStd, string Window, bool Downmix, bool Resample);
