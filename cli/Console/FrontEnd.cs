using System.Globalization;
using AstDsl.Audio.Features;

namespace AstDsl.Cli.Console;

/// <summary>Names the audio front end a command used, in the spec's terms, so that a mismatch with the spec is visible.</summary>
public static class FrontEnd
{
    /// <summary>"64 mel bins x 500 frames, hanning window 25 ms / shift 10 ms, audio at its own rate, first channel".</summary>
    public static string Describe(ClipPipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fbank = options.Fbank;
        var rate = options.SampleRate is { } target ? $"resampled to {target} Hz" : "audio at its own rate (no resampling)";
        var channels = options.Channels == ChannelPolicy.DownmixMono ? "channels downmixed" : "first channel";
        return string.Create(CultureInfo.InvariantCulture,
            $"{fbank.MelBins} mel bins x {options.TargetLength} frames, {fbank.Window.ToString().ToLowerInvariant()} window {fbank.FrameLengthMs} ms / shift {fbank.FrameShiftMs} ms, {rate}, {channels}");
    }
}
