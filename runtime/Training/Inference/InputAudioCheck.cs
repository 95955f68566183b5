using System.Globalization;
using AstDsl.Audio;
using AstDsl.Audio.Wav;

namespace AstDsl.Training.Inference;

/// <summary>
/// What makes a prediction on a decoded clip meaningless: no samples at all (refused), or NaN/infinite samples, which
/// the front end replaces by 0 (the prediction is made but marked unreliable).
/// </summary>
public static class InputAudioCheck
{
    /// <summary>Warnings about <paramref name="clip"/> from <paramref name="path"/>; empty when it is fine.</summary>
    /// <exception cref="AudioFormatException">The clip has no samples.</exception>
    public static IReadOnlyList<string> Warnings(AudioClip clip, string path)
    {
        ArgumentNullException.ThrowIfNull(clip);
        if (clip.Frames == 0)
            throw new AudioFormatException(path, -1, "it holds no audio (a valid WAV header with 0 samples)", "Pass a recording with sound in it.");
        var nonFinite = 0;
        foreach (var sample in clip.Samples)
            if (!float.IsFinite(sample)) nonFinite++;
        if (nonFinite == 0) return Array.Empty<string>();
        return
        [
            string.Format(CultureInfo.InvariantCulture,
                "{0}: {1} of {2} samples ({3:0.#}%) are NaN or infinite; they were set to 0, so the labels describe a repaired " +
                "signal and are unreliable. Check how the file was made.", path, nonFinite, clip.Samples.Length, 100.0 * nonFinite / clip.Samples.Length),
        ];
    }
}
