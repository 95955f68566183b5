using System.Globalization;
using AstDsl.Audio;
using AstDsl.Audio.Features;
using AstDsl.Audio.Wav;

namespace AstDsl.Training.Inference;

/// <summary>
/// What makes a prediction on a decoded clip meaningless: no samples at all (refused), NaN/infinite samples, which
/// the front end replaces by 0, or a sample rate the model was not trained at (the prediction is made but marked unreliable).
/// </summary>
public static class InputAudioCheck
{
    /// <summary>
    /// Warnings about <paramref name="clip"/> from <paramref name="path"/>; empty when it is fine. <paramref name="options"/>
    /// is the model's front end: a clip at another rate than the model's is used as is unless it resamples.
    /// </summary>
    /// <exception cref="AudioFormatException">The clip has no samples.</exception>
    public static IReadOnlyList<string> Warnings(AudioClip clip, string path, ClipPipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var warnings = NonFinite(clip, path);
        if (options.SampleRate is null && options.ExpectedSampleRate is { } expected && clip.SampleRate != expected)
            warnings.Add(string.Format(CultureInfo.InvariantCulture,
                "{0}: it is at {1} Hz and the model was trained on {2} Hz audio without resampling; it is used at its own rate, " +
                "which changes its frames and mel scale, so the labels are unreliable. Resample it first (e.g. `sox IN -r {2} OUT.wav`).",
                path, clip.SampleRate, expected));
        return warnings;
    }

    private static List<string> NonFinite(AudioClip clip, string path)
    {
        ArgumentNullException.ThrowIfNull(clip);
        if (clip.Frames == 0)
            throw new AudioFormatException(path, -1, "it holds no audio (a valid WAV header with 0 samples)", "Pass a recording with sound in it.");
        var nonFinite = 0;
        foreach (var sample in clip.Samples)
            if (!float.IsFinite(sample)) nonFinite++;
        if (nonFinite == 0) return [];
        return
        [
            string.Format(CultureInfo.InvariantCulture,
                "{0}: {1} of {2} samples ({3:0.#}%) are NaN or infinite; they were set to 0, so the labels describe a repaired " +
                "signal and are unreliable. Check how the file was made.", path, nonFinite, clip.Samples.Length, 100.0 * nonFinite / clip.Samples.Length),
        ];
    }
}
