using System.Globalization;
using AstDsl.Audio;
using AstDsl.Audio.Features;

namespace AstDsl.Training.Inference;

/// <summary>
/// What makes a prediction on a clip meaningless, tallied chunk by chunk as the clip is read: no samples at all
/// (refused), NaN/infinite samples, which the front end replaces by 0, or a sample rate the model was not trained at
/// (the prediction is made but marked unreliable).
/// </summary>
/// <param name="path">The file, for the messages.</param>
/// <param name="sampleRate">Its sample rate in Hz.</param>
/// <param name="options">The model's front end: a clip at another rate than the model's is used as is unless it resamples.</param>
public sealed class InputAudioCheck(string path, int sampleRate, ClipPipelineOptions options)
{
    private long _samples;
    private long _nonFinite;

    /// <summary>Counts the samples of one chunk; returns it for chaining into the reader.</summary>
    public float[]? Add(float[]? chunk)
    {
        if (chunk is null) return null;
        _samples += chunk.Length;
        foreach (var sample in chunk)
            if (!float.IsFinite(sample)) _nonFinite++;
        return chunk;
    }

    /// <summary>Warnings about everything added so far; empty when it is fine.</summary>
    /// <exception cref="AudioFormatException">No samples were added.</exception>
    public IReadOnlyList<string> Warnings()
    {
        ArgumentNullException.ThrowIfNull(options);
        if (_samples == 0)
            throw new AudioFormatException(path, -1, "it holds no audio (a valid WAV header with 0 samples)", "Pass a recording with sound in it.");
        var warnings = new List<string>();
        if (_nonFinite > 0)
            warnings.Add(string.Format(CultureInfo.InvariantCulture,
                "{0}: {1} of {2} samples ({3:0.#}%) are NaN or infinite; they were set to 0, so the labels describe a repaired " +
                "signal and are unreliable. Check how the file was made.", path, _nonFinite, _samples, 100.0 * _nonFinite / _samples));
        if (options.SampleRate is null && options.ExpectedSampleRate is { } expected && sampleRate != expected)
            warnings.Add(string.Format(CultureInfo.InvariantCulture,
                "{0}: it is at {1} Hz and the model was trained on {2} Hz audio without resampling; it is used at its own rate, " +
                "which changes its frames and mel scale, so the labels are unreliable. Resample it first (e.g. `sox IN -r {2} OUT.wav`).",
                path, sampleRate, expected));
        return warnings;
    }
}
